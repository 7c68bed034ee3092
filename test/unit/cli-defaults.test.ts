// src/cli.ts runs the wizard for an empty command line without loading commander, passing {} to
// parseOptions. That is only right while commander's defaults and the options schema's agree.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/main.js';
import { parseOptions } from '../../src/options.js';

describe('the no-argument wizard shortcut', () => {
  it('gives the same options as commander parsing an empty command line', async () => {
    let seen: { command: string; opts: Record<string, unknown> } | undefined;
    const program = buildProgram(async (command, opts) => {
      seen = { command, opts };
    });
    await program.parseAsync([], { from: 'user' });
    expect(seen?.command).toBe('wizard');
    expect(parseOptions({})).toEqual(parseOptions(seen!.opts));
  });

  it('would notice a commander default the schema lacks', async () => {
    let opts: Record<string, unknown> = {};
    await buildProgram(async (_c, o) => {
      opts = o;
    }).parseAsync(['--timeout', '2000'], { from: 'user' });
    expect(parseOptions({})).not.toEqual(parseOptions(opts));
  });
});
