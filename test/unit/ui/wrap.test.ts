// Wrapping prose to the terminal: word boundaries, hanging indents, colour codes, wide characters, and
// URLs that are never broken.
import { createColors } from '../../../src/ui/color.js';
import { describe, expect, it } from 'vitest';
import { displayWidth, MAX_WIDTH, proseWidth, stripAnsi, wrapText } from '../../../src/ui/wrap.js';

const c = createColors(1);
const rows = (text: string) => text.split('\n');
const widths = (text: string) => rows(text).map(displayWidth);
const words = (text: string) => stripAnsi(text).split(/\s+/).filter(Boolean);
const BILLING = 'https://platform.openai.com/settings/organization/billing/payment-methods';

describe('proseWidth', () => {
  it('is the terminal width, at most 80 columns, and 80 when unknown', () => {
    expect(proseWidth(60)).toBe(60);
    expect(proseWidth(200)).toBe(MAX_WIDTH);
    expect(proseWidth(undefined)).toBe(80);
    expect(proseWidth(0)).toBe(80);
  });
});

describe('wrapText', () => {
  const sentence = 'Your ChatGPT plan (Free, Plus or Pro) includes no API usage, so a first API call from a ChatGPT subscriber usually fails with "429 insufficient_quota".';

  it('returns a line that fits byte for byte (trailing spaces and padding included)', () => {
    for (const line of ['  What you have        API usage included   ', 'short', '', '   ', c.dim('Key:'.padEnd(14)) + 'sk-proj-…AbCd']) {
      expect(wrapText(line, 80)).toBe(line);
    }
  });

  it('breaks at word boundaries, keeps every word, and never exceeds the width', () => {
    const out = wrapText(sentence, 40);
    expect(rows(out).length).toBeGreaterThan(3);
    expect(Math.max(...widths(out))).toBeLessThanOrEqual(40);
    expect(words(out)).toEqual(words(sentence));
  });

  it('is idempotent: wrapping a wrapped text changes nothing', () => {
    const once = wrapText(`  • prepaid credits: ${sentence}`, 50);
    expect(wrapText(once, 50)).toBe(once);
  });

  it.each([
    ['  • ', 4],
    ['- ', 2],
    ['  1. ', 5],
    ['  12) ', 6],
    ['✔ ', 2],
  ])('hangs continuation lines under the text after the bullet %j', (bullet, indent) => {
    const out = rows(wrapText(`${bullet}${sentence}`, 50));
    expect(out[0]!.startsWith(bullet)).toBe(true);
    for (const row of out.slice(1)) expect(row).toMatch(new RegExp(`^ {${indent}}\\S`));
  });

  it('hangs continuation lines under the value after a label, padded or not', () => {
    const fix = rows(wrapText(`Fix: ${sentence}`, 50));
    for (const row of fix.slice(1)) expect(row).toMatch(/^ {5}\S/);
    const padded = rows(wrapText(`  ${'Checks:'.padEnd(14)}format ok, auth 200 (51 ms, req_abc), billing 200 (55 ms, req_def)`, 60));
    expect(padded).toHaveLength(2);
    expect(padded[1]).toMatch(/^ {16}\S/);
  });

  it.each([
    'The API is paid on platform.openai.com, in one of two ways: ',
    'Running non-interactively: no prompts, no browser. ',
    'openai-onboard: from "I pay for ChatGPT" to a working OpenAI API key. ',
  ])('does not mistake a sentence with a colon for a label: %j', (start) => {
    const out = rows(wrapText(`${start}${sentence}`, 50));
    for (const row of out.slice(1)) expect(row).toMatch(/^\S/);
  });

  it('never breaks a URL: it moves to its own line, under the label when it fits there', () => {
    const labelled = rows(wrapText(`  Payment methods: ${BILLING}`, 80));
    expect(labelled).toEqual(['  Payment methods:', `  ${BILLING}`]);
    const inProse = rows(wrapText(`Open ${BILLING} and click "Add payment method" to continue.`, 60));
    expect(inProse).toContain(BILLING); // wider than 60: alone, at the left edge, whole
    expect(inProse[0]).toBe('Open');
    expect(words(inProse.join(' '))).toEqual(words(`Open ${BILLING} and click "Add payment method" to continue.`));
  });

  it('keeps a `command in backticks` whole, on the next line when it does not fit', () => {
    const out = rows(wrapText('Open a new terminal so it is set there, or run `source ~/.bashrc && openai-onboard status` now.', 50));
    expect(out).toContain('`source ~/.bashrc && openai-onboard status` now.');
    expect(Math.max(...out.map(displayWidth))).toBeLessThanOrEqual(50);
  });

  it('keeps a URL inside an OSC 8 hyperlink whole and clickable', () => {
    const link = `\u001b]8;;${BILLING}\u0007${BILLING}\u001b]8;;\u0007`;
    const out = wrapText(`  Payment methods: ${link}`, 80);
    expect(out).toContain(link);
    expect(stripAnsi(out)).toBe(`  Payment methods:\n  ${BILLING}`);
  });

  it('measures colour codes as zero columns and reopens the colour on every line', () => {
    const note = c.yellow(`Note: ${sentence}`);
    const out = rows(wrapText(note, 50));
    expect(out.length).toBeGreaterThan(2);
    expect(Math.max(...out.map(displayWidth))).toBeLessThanOrEqual(50);
    for (const row of out) expect(row).toContain('\u001b[33m'); // each row yellow, not just the first
    for (const row of out) expect(row.endsWith('\u001b[39m')).toBe(true); // and closed before the newline
    expect(stripAnsi(out[1]!)).toMatch(/^ {6}\S/); // hanging under "Note: "
  });

  it('keeps a dimmed, padded label and puts the value under it', () => {
    const out = rows(wrapText(`  ${c.dim('More:'.padEnd(14))}${sentence}`, 60));
    expect(stripAnsi(out[0]!).startsWith('  More:         Your')).toBe(true);
    for (const row of out.slice(1)) expect(stripAnsi(row)).toMatch(/^ {16}\S/);
  });

  it('counts wide characters as two columns', () => {
    expect(displayWidth('漢字')).toBe(4);
    expect(displayWidth('✅')).toBe(2);
    expect(displayWidth('✔ •…')).toBe(4);
    const out = wrapText('漢字漢字漢字 漢字漢字漢字 漢字漢字漢字 漢字漢字漢字', 26);
    expect(rows(out)).toEqual(['漢字漢字漢字 漢字漢字漢字', '漢字漢字漢字 漢字漢字漢字']);
    expect(Math.max(...widths(out))).toBeLessThanOrEqual(26);
  });

  it('wraps each line of a multi-line text on its own', () => {
    const out = wrapText(`first line\n\n- ${sentence}`, 40);
    expect(rows(out).slice(0, 2)).toEqual(['first line', '']);
    expect(Math.max(...widths(out))).toBeLessThanOrEqual(40);
  });
});
