// Fits prose to the terminal: word wrap at the terminal's width (at most 80 columns: longer lines are
// hard to read), with a hanging indent under bullets ("• ", "- ", "1. ", "✔ ") and labels ("Fix: ",
// "Key:          "), colour codes and wide characters measured by the library. A URL (any word longer
// than the line) is never broken: it moves to a line of its own, where the terminal shows it whole.
// A `command in backticks` is kept whole, like a URL. A line that already fits comes back byte for byte,
// so wrapping twice changes nothing.
// fast-wrap-ansi is wrap-ansi's API and behaviour in a smaller package that the Inquirer prompts already
// bundle: it costs the tarball nothing, where wrap-ansi and its width tables cost 6 kB of a 120 kB budget.
import { wrapAnsi } from 'fast-wrap-ansi';

/** Readable line length: wider terminals still get 80 columns, as man pages and gh do. */
export const MAX_WIDTH = 80;

/** The width to wrap to on a terminal of `columns` columns (unknown: 80). */
export function proseWidth(columns: number | undefined): number {
  return columns && columns > 0 ? Math.min(columns, MAX_WIDTH) : MAX_WIDTH;
}

// CSI (colours, cursor) and OSC (hyperlinks) sequences: zero columns on screen.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
const SGR = /\u001b\[[0-9;:]*m/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Columns a string takes on screen: colour codes count 0, East Asian wide characters and emoji 2. */
export function displayWidth(text: string): number {
  const plain = stripAnsi(text);
  if (PRINTABLE_ASCII.test(plain)) return plain.length; // nearly every line: no per-character work
  let width = 0;
  for (const ch of plain) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || /[\p{Mn}\p{Me}\u200b-\u200f\ufe0f]/u.test(ch)) continue;
    width += isWide(cp) || /\p{Emoji_Presentation}/u.test(ch) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

// The start of a line that the rest hangs under. Bullets: the marks our output uses. A label is a few
// words and a colon at the start of the line, capitalised, then more text ("Fix: …", "Key:   …"); a
// title such as "openai-onboard: from … to …" is not one.
const BULLET = /^ *(?:[-•*✔✖✓✗!⚠→]|\d{1,2}[.)]) +(?=\S)/u;
const LABEL = /^ *\p{Lu}[\p{L}\p{N} ()/'’-]{0,24}: +(?=\S)/u;

interface Prefix {
  /** Characters (UTF-16 units) of the stripped line that form the prefix. */
  length: number;
  /** Columns the continuation lines are indented by: the prefix's width. */
  indent: number;
  /** Columns of leading spaces: where a token too wide for the hanging indent goes instead. */
  lead: number;
}

/**
 * A label is short ("Fix: ", "Payment methods: ") or padded into a column ("Key:          "). A sentence
 * that happens to start with a few words and a colon ("Running non-interactively: no prompts…") is not.
 */
function isLabel(match: string): boolean {
  const name = match.trim();
  return / {2}$/.test(match) || (name.length <= 20 && name.split(/\s+/).length <= 3);
}

function findPrefix(plain: string, width: number): Prefix {
  const lead = plain.length - plain.trimStart().length;
  const bullet = BULLET.exec(plain);
  const label = bullet ? null : LABEL.exec(plain);
  const match = bullet ?? (label && isLabel(label[0]) ? label : null);
  const indent = match ? displayWidth(match[0]) : lead;
  // A hanging indent deeper than half the line would leave a narrow ribbon of text: hang at the lead.
  if (!match || indent > width / 2) return { length: lead, indent: lead, lead };
  return { length: match[0].length, indent, lead };
}

const ANSI_AT = new RegExp(ANSI.source, 'y');
/** Stands in for the spaces of a `code span` while wrapping (a private-use character, one column). */
const GLUE = '\ue000';

/** Splits a raw string after `count` visible UTF-16 units, keeping escape sequences with their text. */
function splitVisible(raw: string, count: number): [string, string] {
  let seen = 0;
  let i = 0;
  while (i < raw.length && seen < count) {
    ANSI_AT.lastIndex = i;
    const escape = raw.charCodeAt(i) === 0x1b ? ANSI_AT.exec(raw) : null;
    if (escape) i += escape[0].length;
    else {
      i++;
      seen++;
    }
  }
  return [raw.slice(0, i), raw.slice(i)];
}

/** Wraps one line (no newline in it) to `width` columns. */
export function wrapLine(line: string, width: number): string {
  const plain = stripAnsi(line);
  // Most lines fit: they are returned as they are, without the wrapping library.
  if (plain.trim() === '' || displayWidth(plain) <= width) return line;
  const prefix = findPrefix(plain, width);
  const [head, body] = splitVisible(line, prefix.length);
  // Colours opened in the prefix (a yellow note, a dim label) carry on into the body: replay them.
  const carried = (head.match(SGR) ?? []).join('');
  // A command in backticks is one token: broken over two lines it could not be copied and run.
  const glued = body.replace(/`[^`]+`/g, (span) => span.replaceAll(' ', GLUE));
  const rows = wrapAnsi(carried + glued, Math.max(1, width - prefix.indent), { hard: false, trim: true })
    .replaceAll(GLUE, ' ')
    .split('\n');
  const headWidth = displayWidth(head);
  if (rows.length === 1 && headWidth + displayWidth(rows[0]!) <= width) return line;
  const indentFor = (row: string): string => {
    const w = displayWidth(row);
    if (prefix.indent + w <= width) return ' '.repeat(prefix.indent) + row;
    if (prefix.lead + w <= width) return ' '.repeat(prefix.lead) + row;
    return row; // wider than any line: at the left edge, where the terminal shows it whole
  };
  const out: string[] = [];
  const first = rows[0]!;
  const headText = stripAnsi(head).trim();
  // Only a single unbreakable token (a URL) can overflow the first row: "  Payment methods: https://…"
  // becomes the label alone with the URL below it, rather than a URL cut by the terminal's edge.
  if (headWidth + displayWidth(first) > width) out.push(...(headText ? [trimEndVisible(head)] : []), indentFor(first));
  else out.push(head + first);
  for (const row of rows.slice(1)) out.push(indentFor(row));
  return out.join('\n');
}

/** Drops trailing spaces, also those before closing colour codes (a padded, dimmed label). */
function trimEndVisible(raw: string): string {
  return raw.replace(/\s+((?:\u001b\[[0-9;:]*m)*)$/, '$1');
}

/** Wraps every line of a text (which may hold several) to `width` columns. */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width))
    .join('\n');
}
