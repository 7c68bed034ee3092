// The .env editor: a pure function from old text to new text that adds or replaces only the
// OPENAI_API_KEY definition. Every other byte is kept: comments, order, `export ` prefixes, quoting
// style, CRLF or LF line endings. Quoted values that span lines are followed the way Node's
// util.parseEnv and the dotenv package read them, so a line inside another variable's multi-line
// value is never mistaken for a definition.
import { StorageError } from '../errors.js';

export const KEY_NAME = 'OPENAI_API_KEY';

interface Line {
  text: string;
  /** '\n', '\r\n' or '' for a last line without a newline. */
  eol: string;
}

/** One `NAME=value` definition, possibly spanning several lines (a quoted multi-line value). */
export interface Definition {
  name: string;
  first: number;
  last: number;
  /** Everything before the value on the first line: indentation, `export `, name, `=`, spaces. */
  prefix: string;
  quote: '' | '"' | "'" | '`';
  value: string;
  /** Whatever follows the value on the last line (spaces, an inline comment). */
  trailing: string;
}

const ASSIGNMENT = /^(\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=\s*)(.*)$/;

export function splitLines(content: string): Line[] {
  const lines: Line[] = [];
  const re = /\r?\n/g;
  let start = 0;
  for (let m = re.exec(content); m; m = re.exec(content)) {
    lines.push({ text: content.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  if (start < content.length) lines.push({ text: content.slice(start), eol: '' });
  return lines;
}

export function parseDefinitions(lines: Line[]): Definition[] {
  const defs: Definition[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = ASSIGNMENT.exec(lines[i]!.text);
    if (!m) continue;
    const [, prefix, name, rest] = m as unknown as [string, string, string, string];
    const q = rest[0];
    if (q === '"' || q === "'" || q === '`') {
      // The value runs to the next matching quote, on this line or a later one.
      let text = rest.slice(1);
      let last = i;
      let close = text.indexOf(q);
      const parts: string[] = [];
      while (close === -1 && last + 1 < lines.length) {
        parts.push(text);
        last++;
        text = lines[last]!.text;
        close = text.indexOf(q);
      }
      if (close !== -1) {
        parts.push(text.slice(0, close));
        defs.push({ name, first: i, last, prefix, quote: q, value: parts.join('\n'), trailing: text.slice(close + 1) });
        i = last;
        continue;
      }
      // No closing quote anywhere: readers take the line as it is.
    }
    const split = /^([^#]*?)(\s*(?:#.*)?)$/.exec(rest)!;
    defs.push({ name, first: i, last: i, prefix, quote: '', value: split[1]!, trailing: split[2]! });
  }
  return defs;
}

/** Characters that are literal in every quoting style of dotenv and POSIX shells. */
export function assertStorableKey(key: string): void {
  if (!/^[\x21-\x7e]+$/.test(key) || /["'`\\$#]/.test(key)) {
    throw new StorageError('This key contains characters that cannot be stored safely in a file (quotes, spaces, $, # or backslashes).');
  }
}

function dominantEol(lines: Line[]): string {
  return lines.find((l) => l.eol)?.eol ?? '\n';
}

/** Sets OPENAI_API_KEY to `key`: replaces every definition in place, or appends one line. */
export function setEnvKey(content: string, key: string): string {
  assertStorableKey(key);
  const lines = splitLines(content);
  const defs = parseDefinitions(lines).filter((d) => d.name === KEY_NAME);
  if (defs.length === 0) {
    const eol = dominantEol(lines);
    const usesExport = parseDefinitions(lines).some((d) => /^\s*export\s/.test(d.prefix));
    const sep = content.length > 0 && !content.endsWith('\n') ? eol : '';
    return `${content}${sep}${usesExport ? 'export ' : ''}${KEY_NAME}=${key}${eol}`;
  }
  const out: string[] = [];
  let next = 0;
  for (const d of defs) {
    for (; next < d.first; next++) out.push(lines[next]!.text + lines[next]!.eol);
    out.push(`${d.prefix}${d.quote}${key}${d.quote}${d.trailing}${lines[d.last]!.eol}`);
    next = d.last + 1;
  }
  for (; next < lines.length; next++) out.push(lines[next]!.text + lines[next]!.eol);
  return out.join('');
}

/** The value of each OPENAI_API_KEY definition, as written. */
export function envKeyValues(content: string): string[] {
  return parseDefinitions(splitLines(content))
    .filter((d) => d.name === KEY_NAME)
    .map((d) => (d.quote ? d.value : d.value.trim()));
}

/**
 * Removes the OPENAI_API_KEY definitions whose value `matches` (reset removes only the key it wrote).
 * Returns the new text and how many definitions were removed and kept.
 */
export function removeEnvKey(content: string, matches: (value: string) => boolean): { content: string; removed: number; kept: number } {
  const lines = splitLines(content);
  const defs = parseDefinitions(lines).filter((d) => d.name === KEY_NAME);
  const drop = new Set<number>();
  let removed = 0;
  for (const d of defs) {
    if (!matches(d.quote ? d.value : d.value.trim())) continue;
    removed++;
    for (let i = d.first; i <= d.last; i++) drop.add(i);
  }
  const text = lines.filter((_, i) => !drop.has(i)).map((l) => l.text + l.eol).join('');
  return { content: text, removed, kept: defs.length - removed };
}
