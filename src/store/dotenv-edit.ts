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

// Only lines Node's parseEnv reads as a definition (the read-back uses it): (?!\uFEFF) because JS counts a
// byte-order mark as \s and parseEnv does not, so a BOM-prefixed first line defines another name; and
// `export ` with exactly one space, because parseEnv strips only that (`export  A=1` defines " A").
const ASSIGNMENT = /^(?!\uFEFF)(\s*(?:export )?([A-Za-z_][\w.-]*)\s*=)(.*)$/;

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
    const [, head, name, all] = m as unknown as [string, string, string, string];
    // Spaces after "=" belong before the value, unless there is no value: then they stay in front
    // of an inline comment (`KEY= # note`), where bash needs them.
    const ws = /^\s*/.exec(all)![0];
    const rest = all.slice(ws.length);
    let prefix = head + ws;
    const q = rest[0];
    if (q === '"' || q === "'" || q === '`') {
      // The value runs to the next matching quote, on this line or a later one.
      let text = rest.slice(1);
      let last = i;
      let close = closingQuote(text, q);
      const parts: string[] = [];
      while (close === -1 && last + 1 < lines.length) {
        parts.push(text);
        last++;
        text = lines[last]!.text;
        close = closingQuote(text, q);
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
    let trailing = split[2]!;
    if (split[1] === '') {
      prefix = head;
      trailing = ws + trailing;
    }
    defs.push({ name, first: i, last: i, prefix, quote: '', value: split[1]!, trailing });
  }
  return defs;
}

/**
 * Where a quoted value ends. Inside double quotes `\"` is an escaped quote for dotenv, dotenvx,
 * python-dotenv and bash alike, so it does not end the value (else a key line inside that value
 * would look like a definition of its own, and the key would land inside the other variable).
 */
function closingQuote(text: string, q: string): number {
  if (q !== '"') return text.indexOf(q);
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === q) return i;
  }
  return -1;
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

/**
 * Where a new definition goes: the end of the file, unless a line of only spaces or tabs follows the
 * last definition. Node 20's parser (util.parseEnv, --env-file) glues such a line, and everything
 * after it up to the next "=", onto the next variable's name; the new line then goes right after the
 * last definition (or first in the file), where that cannot happen.
 */
function insertionLine(lines: Line[]): number {
  const defs = parseDefinitions(lines);
  const afterLast = defs.length ? defs.at(-1)!.last + 1 : 0;
  return lines.slice(afterLast).some((l) => /^[ \t]+$/.test(l.text)) ? afterLast : lines.length;
}

/** Sets OPENAI_API_KEY to `key`: replaces every definition in place, or appends one line. */
export function setEnvKey(content: string, key: string): string {
  assertStorableKey(key);
  const lines = splitLines(content);
  const defs = parseDefinitions(lines).filter((d) => d.name === KEY_NAME);
  if (defs.length === 0) {
    const eol = dominantEol(lines);
    const usesExport = parseDefinitions(lines).some((d) => /^\s*export\s/.test(d.prefix));
    const line = `${usesExport ? 'export ' : ''}${KEY_NAME}=${key}${eol}`;
    const at = insertionLine(lines);
    if (at < lines.length) {
      const before = lines.slice(0, at).map((l) => l.text + l.eol).join('');
      return before + line + lines.slice(at).map((l) => l.text + l.eol).join('');
    }
    const sep = content.length > 0 && !content.endsWith('\n') ? eol : '';
    return `${content}${sep}${line}`;
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
