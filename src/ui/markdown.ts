// Just enough Markdown for a terminal, for `explain`: paragraphs and list items become one line each
// (the IO layer wraps them to the terminal), `code` and **bold** become colour instead of punctuation,
// [text](url) shows both, and fenced code keeps its lines exactly (indented, never re-wrapped).
import type { Colors } from './color.js';

export interface RenderedLine {
  text: string;
  /** false for code: its line breaks are part of it. */
  wrap: boolean;
}

export function renderInline(text: string, c: Colors): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/\*\*([^*]+)\*\*/g, (_m, bold: string) => c.bold(bold))
    .replace(/`([^`]+)`/g, (_m, code: string) => c.cyan(code));
}

/** Markdown lines → terminal lines. Headings are bold, a blank line separates blocks. */
export function renderMarkdown(markdown: string, c: Colors): RenderedLine[] {
  const out: RenderedLine[] = [];
  let block: string[] = [];
  let fenced = false;
  const flush = () => {
    if (block.length) out.push({ text: renderInline(block.join(' '), c), wrap: true });
    block = [];
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    if (/^\s*```/.test(line)) {
      flush();
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push({ text: `    ${c.cyan(line)}`, wrap: false });
      continue;
    }
    if (line.trim() === '' || /^\s*<a\s[^>]*>\s*(<\/a>)?\s*$/.test(line)) {
      flush();
      if (line.trim() === '' && out.length && out.at(-1)!.text !== '') out.push({ text: '', wrap: true });
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)(?:\s*\{#[^}]+\})?\s*$/.exec(line);
    if (heading) {
      flush();
      out.push({ text: c.bold(renderInline(heading[1]!.replace(/<a\s[^>]*>\s*(<\/a>)?/g, '').trim(), c)), wrap: true });
      continue;
    }
    // A list item starts a block of its own; its continuation lines join it.
    if (/^\s*(?:[-*+]|\d+[.)])\s+/.test(line)) {
      flush();
      block.push(line.replace(/^(\s*)[*+](\s)/, '$1-$2'));
      continue;
    }
    block.push(block.length ? line.trim() : line);
  }
  flush();
  while (out.length && out.at(-1)!.text === '') out.pop();
  return out;
}
