// `openai-onboard explain [code]`, like `rustc --explain`: the troubleshooting section of a diagnosis
// code, read from the docs/troubleshooting.md this package ships (offline), rendered for the terminal.
// Without a code it lists them all. Sections are found by their headings (`## no_credits`) or anchors
// (`<a id="no_credits"></a>`, `## Title {#no_credits}`), so a section added to the page needs no code.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from '../context.js';
import { EXIT, OnboardError, UsageError } from '../errors.js';
import { cmd } from '../platform/command-name.js';
import { renderMarkdown } from '../ui/markdown.js';
import { renderTable } from '../ui/table.js';
import { MAX_WIDTH, stripAnsi, wrapText } from '../ui/wrap.js';

export interface Section {
  code: string;
  /** The section's Markdown, from its heading to the next one. */
  markdown: string;
  /** "(exit 5)" at the start of the section, when there is one. */
  exitCode?: number;
  /** The first sentence after the exit code, plain text. */
  summary: string;
}

const CODE = /^[a-z][a-z0-9_]*$/;

/** The shipped page: beside dist/ in the package (dist/chunks/… or dist/…), beside src/ in a checkout. */
export function findTroubleshootingDoc(from = fileURLToPath(import.meta.url)): string | undefined {
  let dir = dirname(from);
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    const candidate = join(dir, 'docs', 'troubleshooting.md');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Every `## ` section that names a code, in page order. */
export function parseSections(page: string): Section[] {
  const lines = page.split('\n');
  const sections: Section[] = [];
  const starts = lines.flatMap((line, i) => (/^## /.test(line) ? [i] : []));
  starts.forEach((start, k) => {
    const heading = lines[start]!;
    const before = start > 0 ? lines[start - 1]! : '';
    const title = heading.slice(3).replace(/`/g, '').trim();
    const code =
      /\{#([^}\s]+)\}\s*$/.exec(heading)?.[1] ??
      /<a\s+(?:id|name)="([^"]+)"/.exec(heading)?.[1] ??
      /^\s*<a\s+(?:id|name)="([^"]+)"/.exec(before)?.[1] ??
      (CODE.test(title) ? title : undefined);
    if (!code) return;
    let end = starts[k + 1] ?? lines.length;
    // An anchor line just above the next heading belongs to the next section.
    if (end < lines.length && /^\s*<a\s/.test(lines[end - 1] ?? '')) end--;
    const markdown = lines.slice(start, end).join('\n').trim();
    const body = lines.slice(start + 1, end).join(' ').trim();
    const exit = /^\(exit (\d+)\)\s*/.exec(body);
    const rest = exit ? body.slice(exit[0].length) : body;
    sections.push({ code, markdown, ...(exit ? { exitCode: Number(exit[1]) } : {}), summary: firstSentence(rest) });
  });
  return sections;
}

/** The gist for the list: the first sentence, without markup or the parenthesised details. */
function firstSentence(markdown: string): string {
  const plain = stripAnsi(markdown.replace(/`([^`]+)`/g, '$1').replace(/\*\*([^*]+)\*\*/g, '$1'));
  // Parentheses first (they may hold "e.g." or a full stop), then the first sentence, not cut after "e.g.".
  const bare = plain.replace(/\s*\([^()]*\)/g, '');
  const sentence = bare.split(/(?<!\b(?:e\.g|i\.e))(?<=[.:;])\s/)[0] ?? '';
  return sentence.replace(/[.:;]$/, '').trim();
}

/** "No-Credits", " no_credits " → "no_credits": what people type for a code they saw. */
export function normaliseCode(input: string): string {
  return input.trim().toLowerCase().replace(/-/g, '_');
}

function readSections(): Section[] {
  const path = findTroubleshootingDoc();
  if (!path) throw new OnboardError('docs/troubleshooting.md is missing from this installation, so there is nothing to explain.', 'Reinstall openai-onboard (npm install -g openai-onboard, or run it with npx).');
  return parseSections(readFileSync(path, 'utf8'));
}

export async function runExplain(ctx: Context, input: string | undefined): Promise<number> {
  const sections = readSections();
  const { c } = ctx.io;
  // Piped, the page is still wrapped (at 80 columns): its source lines are wrapped for an editor, not a reader.
  const print = (text: string) => ctx.io.out(ctx.io.stdoutIsTTY ? text : wrapText(text, MAX_WIDTH));
  if (input === undefined || input.trim() === '') {
    if (ctx.options.json) {
      ctx.io.out(JSON.stringify({ ok: true, codes: sections.map((s) => ({ code: s.code, exitCode: s.exitCode ?? null, summary: s.summary })) }));
      return EXIT.ok;
    }
    const rows = [['code', 'exit', 'meaning'], ...sections.map((s) => [s.code, s.exitCode === undefined ? '' : String(s.exitCode), s.summary])];
    const width = ctx.io.stdoutIsTTY ? (ctx.io.width ?? MAX_WIDTH) : MAX_WIDTH;
    print([`${c.bold('Diagnosis codes')}: every check ends in one of these.`, '', ...renderTable(rows, width, { header: c.dim }), '', `Run: ${cmd('explain <code>')}`].join('\n'));
    return EXIT.ok;
  }
  const code = normaliseCode(input);
  const section = sections.find((s) => s.code === code);
  if (!section) {
    throw new UsageError(
      `"${input.trim()}" is not a diagnosis code.`,
      `Known codes: ${sections.map((s) => s.code).join(', ')}.\nRun ${cmd('explain')} to list them with their meaning.`,
    );
  }
  if (ctx.options.json) {
    ctx.io.out(JSON.stringify({ ok: true, code: section.code, exitCode: section.exitCode ?? null, summary: section.summary, markdown: section.markdown }));
    return EXIT.ok;
  }
  const lines = renderMarkdown(section.markdown, c);
  // Code blocks keep their line breaks; everything else is wrapped with the page.
  for (const line of lines) {
    if (line.wrap) print(line.text);
    else ctx.io.out(line.text, { wrap: false });
  }
  return EXIT.ok;
}
