// The light Markdown of `explain`: paragraphs and list items as one line each, markup turned into style.
import { createColors } from '../../../src/ui/color.js';
import { describe, expect, it } from 'vitest';
import { renderInline, renderMarkdown } from '../../../src/ui/markdown.js';

const plain = createColors(0);
const color = createColors(1);

describe('renderMarkdown', () => {
  it('joins a paragraph, starts a block at each list item, keeps blank lines between blocks', () => {
    const md = '## tls\n(exit 7) The secure\nconnection failed.\n\n- a first\n  item\n- a second\n\n**Fix:** do `this`.';
    expect(renderMarkdown(md, plain).map((l) => l.text)).toEqual(['tls', '(exit 7) The secure connection failed.', '', '- a first item', '- a second', '', 'Fix: do this.']);
  });

  it('keeps fenced code line by line, indented, and marks it not to be wrapped', () => {
    const lines = renderMarkdown('Run:\n\n```sh\nexport A=1 \\\n  B=2\n```', plain);
    expect(lines.slice(-2)).toEqual([
      { text: '    export A=1 \\', wrap: false },
      { text: '      B=2', wrap: false },
    ]);
  });

  it('drops anchors and {#id} from headings', () => {
    expect(renderMarkdown('<a id="x"></a>\n## Wrong endpoint {#wrong_endpoint}', plain).map((l) => l.text)).toEqual(['Wrong endpoint']);
  });
});

describe('renderInline', () => {
  it('styles code and bold instead of printing their punctuation, and shows a link with its URL', () => {
    expect(renderInline('**Fix:** set `HTTPS_PROXY`', color)).toBe(`${color.bold('Fix:')} set ${color.cyan('HTTPS_PROXY')}`);
    expect(renderInline('see [the guide](https://example.com/g) or [https://a.b](https://a.b)', plain)).toBe('see the guide (https://example.com/g) or https://a.b');
  });
});
