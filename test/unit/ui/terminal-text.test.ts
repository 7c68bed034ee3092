import { describe, expect, it } from 'vitest';
import { stripControl, stripControlFields } from '../../../src/ui/terminal-text.js';

describe('stripControl', () => {
  it.each([
    ['CSI colours and screen clears', 'a\u001b[2J\u001b[31mred\u001b[0m b', 'ared b'],
    ['an OSC 8 link, ended by BEL', '\u001b]8;;http://evil\u0007click\u001b]8;;\u0007', 'click'],
    ['an OSC title, ended by ST', '\u001b]0;pwned\u001b\\title', 'title'],
    ['bare carriage returns', 'safe \r\rline', 'safe line'],
    ['C1 controls (8-bit CSI)', 'x\u009b2Jy', 'x2Jy'],
    ['BEL, backspace, NUL, DEL', 'a\u0007b\u0008c\u0000d\u007f', 'abcd'],
    ['a lone ESC at the end', 'end\u001b', 'end'],
    ['bidirectional overrides', 'abc\u202edef\u2066', 'abcdef'],
    ['line breaks and tabs, on one line', 'one\r\ntwo\n\tthree', 'one two three'],
  ])('removes %s', (_name, input, expected) => {
    expect(stripControl(input)).toBe(expected);
  });

  it('keeps line feeds when asked, and printable Unicode always', () => {
    expect(stripControl('a\r\nb\u001b[1m\nc', { keepNewlines: true })).toBe('a\nb\nc');
    expect(stripControl('Café … ✔ 日本')).toBe('Café … ✔ 日本');
  });

  it('cleans every string field of an object, and strings in arrays', () => {
    expect(stripControlFields({ a: 'x\u001b[2Jy', n: 3, list: ['p\u0007q'], b: true })).toEqual({ a: 'xy', n: 3, list: ['pq'], b: true });
  });
});
