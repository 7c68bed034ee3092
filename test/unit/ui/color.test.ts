// Our chalk-shaped colours: level 0 is plain text, styles chain, and a style closed inside the text is
// reopened after it (so `dim('a ' + bold('b') + ' c')` stays dim after the bold part, as with chalk).
import { describe, expect, it } from 'vitest';
import { createColors } from '../../../src/ui/color.js';

describe('createColors', () => {
  it('prints plain text at level 0, whatever the chain', () => {
    const c = createColors(0);
    expect(c.green.bold('ok')).toBe('ok');
    expect(c.cyan.underline('https://x')).toBe('https://x');
  });
  it('wraps in SGR codes at level 1 and chains styles', () => {
    const c = createColors(1);
    expect(c.red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(c.green.bold('✔')).toBe('\u001b[32m\u001b[1m✔\u001b[22m\u001b[39m');
  });
  it('reopens an outer style that an inner one closed', () => {
    const c = createColors(1);
    expect(c.dim(`a ${c.bold('b')} c`)).toBe('\u001b[2ma \u001b[1mb\u001b[22m\u001b[2m c\u001b[22m');
  });
});
