// Code is printed as it is (a line break inside it would break the copy-paste), so the snippets of the
// last step must fit an 80-column terminal with done's 4-column indent on their own, whatever the model
// and the run command put into them.
import { describe, expect, it } from 'vitest';
import { snippets } from '../../../src/content/next-steps.js';
import { displayWidth } from '../../../src/ui/wrap.js';

const longest = snippets('gpt-6.1-luna', 'node --env-file=.env app.mjs');

describe('the code snippets of the last step', () => {
  it.each(longest.map((s) => [s.title, s.lines] as const))('%s: every line fits 80 columns when indented by 4', (_title, lines) => {
    for (const line of lines) expect(4 + displayWidth(line), line).toBeLessThanOrEqual(80);
  });
});
