// Holds the wizard's words to src/content/facts.ts: a dollar amount or a quoted dashboard label must come
// from that table (where it has a source and a date), never be typed into a content module or a step.
// Two views: the source text (what a contributor writes) and the text a person reads (what a run prints).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_FACTS, LABELS, MONEY } from '../../src/content/facts.js';
import { WIZARD_STEPS } from '../../src/steps/index.js';
import { runSteps } from '../../src/steps/run-steps.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { createTestContext, FakeChecker } from '../fakes/test-context.js';
import { nonInteractiveContext } from '../steps/helpers.js';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * Modules still to be moved onto the facts table by the diagnosis work (they quote labels and amounts
 * inline today). Remove a file from this list once it interpolates from src/content/facts.ts.
 */
const NOT_YET = new Set<string>([]);

/** Quoted strings that look like labels but are not facts: the prompt inside the code snippets. */
const NOT_FACTS = new Set(['Say hello', 'Invalid URL' /* the API's own 404 message, quoted */]);

const DOLLARS = /\$\d[\d,.]*/g;
/** A capitalised phrase in double quotes, as the wizard quotes a button: "Add payment details". */
const QUOTED_LABEL = /"([A-Z][A-Za-z]*(?: [A-Za-z]+:?)*(?: [A-Za-z]+)?)"/g;

function contentSources(): Array<{ file: string; code: string[] }> {
  const files = [
    ...readdirSync(join(src, 'content')).map((f) => `content/${f}`),
    ...readdirSync(join(src, 'steps')).map((f) => `steps/${f}`),
  ].filter((f) => f.endsWith('.ts') && f !== 'content/facts.ts' && !NOT_YET.has(f));
  // Comment lines may explain a fact in words; only code states one.
  const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line);
  return files.map((file) => ({ file, code: readFileSync(join(src, file), 'utf8').split('\n').filter((l) => !isComment(l)) }));
}

describe('the facts table', () => {
  it('gives every fact a source address and the date it was checked', () => {
    for (const fact of ALL_FACTS) {
      expect(fact.source, JSON.stringify(fact)).toMatch(/^https:\/\/[a-z.]+\.openai\.com\//);
      expect(fact.checked).toMatch(/^20\d\d-\d\d-\d\d$/);
    }
  });
});

describe('content modules and steps', () => {
  it('write no dollar amount inline', () => {
    const inline = contentSources().flatMap(({ file, code }) => code.filter((l) => /\$\d/.test(l.replace(/\$\{/g, ''))).map((l) => `${file}: ${l.trim()}`));
    expect(inline).toEqual([]);
  });

  it('quote no dashboard label inline', () => {
    const inline = contentSources().flatMap(({ file, code }) =>
      code.flatMap((l) => [...l.matchAll(QUOTED_LABEL)].filter((m) => !NOT_FACTS.has(m[1]!)).map((m) => `${file}: ${m[0]}`)),
    );
    expect(inline).toEqual([]);
  });
});

describe('what a run prints', () => {
  const money = new Set(Object.values(MONEY).map((m) => `$${m.value}`));
  const labels = new Set<string>([...Object.values(LABELS).map((l) => l.value), ...NOT_FACTS]);

  async function printedByBothModes(): Promise<string> {
    const key = fakeKeys.project(61);
    const quiet = nonInteractiveContext({ env: { OPENAI_API_KEY: key } });
    await runSteps(quiet, WIZARD_STEPS);
    const interactive = createTestContext({ checker: new FakeChecker([{ diagnosis: 'ok' }]) });
    interactive.prompter.expect(
      { kind: 'pressEnter', match: 'begin', answer: '' },
      { kind: 'pressEnter', match: 'signed in', answer: '' },
      { kind: 'select', match: 'credit', answer: 'added' },
      { kind: 'pressEnter', match: 'copied the key', answer: '' },
      { kind: 'password', match: 'Paste your API key', answer: key },
      // The first place offered takes the key; a pasted key declined everywhere would bring up the rescue menu.
      { kind: 'confirm', match: /save/i, answer: true },
      ...['second', 'third'].map(() => ({ kind: 'confirm' as const, match: /save/i, answer: false })),
    );
    await runSteps(interactive, WIZARD_STEPS);
    expect(interactive.io.stderrText()).toContain('All set');
    return quiet.io.stderrText() + interactive.io.stderrText();
  }

  it('states only dollar amounts and dashboard labels that are in the facts table', async () => {
    const text = await printedByBothModes();
    const amounts = [...text.matchAll(DOLLARS)].map((m) => m[0].replace(/[.,]$/, ''));
    expect(amounts.length).toBeGreaterThan(0);
    expect(amounts.filter((a) => !money.has(a))).toEqual([]);
    const quoted = [...text.matchAll(QUOTED_LABEL)].map((m) => m[1]!);
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.filter((q) => !labels.has(q))).toEqual([]);
  });
});
