// A small stderr spinner. Not a dependency: ora would double the bundle for ten lines of code.
// When stderr is not a terminal it prints the text once, so logs show what we waited for.
import type { Writable } from 'node:stream';
import type { Colors } from './color.js';

export interface Spinner {
  update(text: string): void;
  succeed(text: string): void;
  fail(text: string): void;
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function createSpinner(o: { stream: Writable; text: string; animate: boolean; c: Colors }): Spinner {
  let text = o.text;
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  const write = (s: string) => void o.stream.write(s);
  const clear = () => write('\r\u001b[2K');
  if (o.animate) {
    write('\u001b[?25l'); // hide the cursor while spinning
    const draw = () => {
      clear();
      write(`${o.c.cyan(FRAMES[frame++ % FRAMES.length])} ${text}`);
    };
    draw();
    timer = setInterval(draw, 80);
    timer.unref();
  } else {
    write(`${text}\n`);
  }
  const end = (line?: string) => {
    if (timer) {
      clearInterval(timer);
      timer = undefined;
      clear();
      write('\u001b[?25h');
      if (line) write(`${line}\n`);
    } else if (line && o.animate) write(`${line}\n`);
    else if (line) write(`${line}\n`);
  };
  return {
    update: (t) => {
      text = t;
      if (!o.animate) write(`${t}\n`);
    },
    succeed: (t) => end(`${o.c.green('✔')} ${t}`),
    fail: (t) => end(`${o.c.red('✖')} ${t}`),
    stop: () => end(),
  };
}
