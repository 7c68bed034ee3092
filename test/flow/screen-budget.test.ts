// "Say less" (issue 9 §4), measured on the whole interactive wizard in process: what a newcomer reads
// before the key is saved stays under 500 words, and every prompt is seen with its step's heading on an
// 80×24 terminal. The prompts are rendered roughly as Inquirer draws them (question, one row per choice).
// The terminal-level figures (the real check report, wrapping) are in `npm run bench`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { WIZARD_STEPS } from '../../src/steps/index.js';
import { runSteps } from '../../src/steps/run-steps.js';
import type { Choice } from '../../src/ui/prompter.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { type Expectation, FakePrompter } from '../fakes/fake-prompter.js';
import { createTestContext } from '../fakes/test-context.js';
import type { TestIO } from '../fakes/test-io.js';

const COLUMNS = 80;
const ROWS = 24;
const key = fakeKeys.project(71);

interface Shown {
  /** How much of stderr had been written when the prompt appeared. */
  at: number;
  message: string;
  rows: string[];
}

/** Answers like FakePrompter, and remembers what each prompt put on screen and when. */
class ScreenPrompter extends FakePrompter {
  readonly shown: Shown[] = [];
  constructor(
    private readonly io: TestIO,
    expectations: Expectation[],
  ) {
    super(expectations);
  }
  private show(message: string, rows: string[]): void {
    this.shown.push({ at: this.io.stderrText().length, message, rows });
  }
  override async select<T extends string>(message: string, choices: Array<Choice<T>>): Promise<T> {
    this.show(message, [`? ${message}`, ...choices.map((c) => `  ${c.name}`)]);
    return super.select(message, choices);
  }
  override async confirm(message: string): Promise<boolean> {
    this.show(message, [`? ${message} (Y/n)`]);
    return super.confirm(message);
  }
  override async password(message: string, opts?: { validate?: (v: string) => true | string }): Promise<string> {
    this.show(message, [`? ${message}`]);
    return super.password(message, opts);
  }
  override async pressEnter(message: string): Promise<void> {
    this.show(message, [`⏎ ${message}`]);
    return super.pressEnter(message);
  }
}

const rowsOf = (lines: string[]) => lines.reduce((n, l) => n + Math.max(1, Math.ceil([...l].length / COLUMNS)), 0);
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

async function newcomerRun(): Promise<{ ctx: Context & { io: TestIO }; prompter: ScreenPrompter }> {
  const ctx = createTestContext();
  mkdirSync(ctx.cwd, { recursive: true });
  mkdirSync(ctx.home, { recursive: true });
  writeFileSync(join(ctx.cwd, 'package.json'), '{}\n');
  // Enter everywhere, the key pasted at its prompt, yes to the recommended save, no to the others.
  const prompter = new ScreenPrompter(ctx.io, [
    { kind: 'pressEnter', match: 'begin', answer: '' },
    { kind: 'pressEnter', match: 'signed in', answer: '' },
    { kind: 'select', match: 'credit', answer: 'added' },
    { kind: 'pressEnter', match: 'copied the key', answer: '' },
    { kind: 'password', match: 'Paste your API key', answer: key },
    { kind: 'confirm', match: 'Save the key in', answer: true },
    ...['a', 'b'].map((): Expectation => ({ kind: 'confirm', match: 'Also save it in', answer: false })),
  ]);
  // The real opener prints "  Label: URL" before opening; the fake only records, so print it here.
  const open = ctx.browser.open.bind(ctx.browser);
  ctx.browser.open = async (url: string, label?: string) => {
    ctx.io.err(`  ${label ?? 'Page'}: ${url}`);
    return open(url);
  };
  Object.assign(ctx, { prompter });
  await runSteps(ctx, WIZARD_STEPS);
  return { ctx, prompter };
}

describe('the happy path fits a newcomer', () => {
  it('shows at most 500 words before the key is saved', async () => {
    const { ctx, prompter } = await newcomerRun();
    const save = prompter.shown.find((s) => s.message.startsWith('Save the key in'))!;
    const before = ctx.io.stderrText().slice(0, save.at);
    const prompts = prompter.shown.slice(0, prompter.shown.indexOf(save) + 1).flatMap((s) => s.rows);
    const total = words(before) + words(prompts.join(' '));
    console.log(`words before the save question: ${total}`);
    if (process.env.DUMP_SCREEN) console.log(before, prompts.join('\n'));
    expect(total, `${total} words before the save question`).toBeLessThanOrEqual(500);
  });

  it('shows every prompt together with its step heading within 24 rows of 80 columns', async () => {
    const { ctx, prompter } = await newcomerRun();
    const text = ctx.io.stderrText();
    const tooTall = prompter.shown.flatMap((s) => {
      const upTo = text.slice(0, s.at);
      const heading = upTo.lastIndexOf('\nStep ');
      const screen = [...upTo.slice(heading < 0 ? 0 : heading + 1).replace(/\n$/, '').split('\n'), ...s.rows];
      const rows = rowsOf(screen);
      console.log(`rows at "${s.message}": ${rows}`);
      return rows > ROWS ? [`"${s.message}": ${rows} rows`] : [];
    });
    expect(tooTall).toEqual([]);
  });

  it('prints no line of its own wider than 80 columns before the check (a URL alone on a line may be)', async () => {
    const { ctx } = await newcomerRun();
    const beforeCheck = ctx.io.stderrText().split('Step 6 of 7')[0]!;
    const wide = beforeCheck.split('\n').filter((l) => [...l].length > COLUMNS && !/^\s*[\w ()]+: https:\/\/\S+$/.test(l));
    expect(wide).toEqual([]);
  });
});
