// The plans table: aligned when it fits, the last column wrapped in place when it does not, and a list
// when a wrapped column would be a ribbon.
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../../src/ui/table.js';
import { displayWidth } from '../../../src/ui/wrap.js';

const ROWS = [
  ['What you have', 'API usage included', 'Paid where'],
  ['ChatGPT Free', 'none', '-'],
  ['ChatGPT Plus / Pro', 'none', 'monthly, in the ChatGPT app'],
  ['OpenAI API', 'what you pay for', 'platform.openai.com (billed separately)'],
] as const;
const widest = (lines: string[]) => Math.max(...lines.map(displayWidth));

describe('renderTable', () => {
  it('aligns the columns when the table fits (and without a width, as when piped)', () => {
    const lines = renderTable(ROWS);
    expect(lines[0]).toBe('  What you have        API usage included   Paid where');
    expect(lines[3]).toBe('  OpenAI API           what you pay for     platform.openai.com (billed separately)');
    expect(renderTable(ROWS, 100)).toEqual(lines);
  });

  it('wraps the last column inside its column when the table is too wide', () => {
    const lines = renderTable(ROWS, 80);
    expect(widest(lines)).toBeLessThanOrEqual(80);
    expect(lines).toHaveLength(5);
    expect(lines[3]).toBe('  OpenAI API           what you pay for     platform.openai.com (billed');
    expect(lines[4]).toBe(`${' '.repeat(44)}separately)`); // under its column
  });

  it('becomes a list when the last column would be narrower than 16 columns', () => {
    const lines = renderTable(ROWS, 50);
    expect(widest(lines)).toBeLessThanOrEqual(50);
    expect(lines[0]).toBe('  • ChatGPT Free: API usage included: none; Paid');
    expect(lines.filter((l) => l.startsWith('  • '))).toHaveLength(3);
    expect(lines.join(' ').replace(/ +/g, ' ')).toContain('platform.openai.com (billed separately)');
  });

  it('styles only the header row', () => {
    const lines = renderTable(ROWS, 80, { header: (l) => `<${l}>` });
    expect(lines[0]).toMatch(/^<.*>$/);
    expect(lines.slice(1).some((l) => l.includes('<'))).toBe(false);
  });
});
