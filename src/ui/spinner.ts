// A small stderr spinner. Not a dependency: ora would double the bundle for ten lines of code.
// When stderr is not a terminal it prints the text once, so logs show what we waited for.
import type { Writable } from 'node:stream';
import type { Colors } from './color.js';
import { displayWidth, wrapText } from './wrap.js';

export interface Spinner {
  update(text: string): void;
  succeed(text: string): void;
  fail(text: string): void;
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Cuts a one-line text to `width` columns (a spinner line that wrapped could not be redrawn in place). */
function fitRow(text: string, width: number | undefined): string {
  if (!width || displayWidth(text) <= width || text.includes('\u001b')) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}

export function createSpinner(o: { stream: Writable; text: string; animate: boolean; c: Colors; width?: () => number | undefined }): Spinner {
  let text = o.text;
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  const width = () => o.width?.();
  const write = (s: string) => void o.stream.write(s);
  const line = (s: string) => {
    const w = width();
    write(`${w ? wrapText(s, w) : s}\n`);
  };
  const clear = () => write('\r\u001b[2K');
  if (o.animate) {
    write('\u001b[?25l'); // hide the cursor while spinning
    const draw = () => {
      clear();
      const w = width();
      write(`${o.c.cyan(FRAMES[frame++ % FRAMES.length]!)} ${fitRow(text, w ? w - 2 : undefined)}`);
    };
    draw();
    timer = setInterval(draw, 80);
    timer.unref();
  } else {
    line(text);
  }
  const end = (last?: string) => {
    if (timer) {
      clearInterval(timer);
      timer = undefined;
      clear();
      write('\u001b[?25h');
      if (last) line(last);
    } else if (last) line(last);
  };
  return {
    update: (t) => {
      text = t;
      if (!o.animate) line(t);
    },
    succeed: (t) => end(`${o.c.green('✔')} ${t}`),
    fail: (t) => end(`${o.c.red('✖')} ${t}`),
    stop: () => end(),
  };
}
