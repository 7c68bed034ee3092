// Streams, terminal facts and colour, in one object. Results go to stdout (out), everything else to
// stderr (err). createTestIO() gives the same object over string buffers for tests.
import type { Readable, Writable } from 'node:stream';
import type { Env } from '../platform/environment.js';
import { type Colors, colorLevel, createColors } from './color.js';
import { createSpinner, type Spinner } from './spinner.js';

export interface IO {
  /** stdout: the result a script consumes. */
  out(text: string): void;
  /** stderr: progress, hints, warnings, prompts' surroundings. */
  err(text: string): void;
  readonly c: Colors;
  readonly stdin: Readable;
  readonly stdinIsTTY: boolean;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** Wraps a URL in an OSC 8 hyperlink where the terminal supports it; the URL text always shows. */
  link(url: string, text?: string): string;
  /** A spinner on stderr (a single line when stderr is not a terminal). */
  spinner(text: string): Spinner;
  /** The whole of stdin, as text (for --key-stdin). */
  readStdin(): Promise<string>;
  /** The underlying streams, for the prompt library. */
  readonly streams: { stdin: Readable; stdout: Writable; stderr: Writable };
}

export interface IOOptions {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Env;
  noColorFlag: boolean;
  /** Spinners animate only in interactive mode. */
  animate: boolean;
}

export function supportsHyperlinks(env: Env, isTTY: boolean): boolean {
  if (env.FORCE_HYPERLINK === '1') return true;
  if (env.FORCE_HYPERLINK === '0' || !isTTY || env.CI) return false;
  if (env.TERM === 'dumb') return false;
  const program = env.TERM_PROGRAM ?? '';
  if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty', 'Hyper'].includes(program)) return true;
  if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.KONSOLE_VERSION) return true;
  const vte = Number(env.VTE_VERSION ?? 0);
  return vte >= 5000;
}

export function createIO(o: IOOptions): IO {
  const stderrIsTTY = Boolean(o.stderr.isTTY);
  const c = createColors(colorLevel({ env: o.env, isTTY: stderrIsTTY, noColorFlag: o.noColorFlag }));
  const hyperlinks = supportsHyperlinks(o.env, stderrIsTTY);
  const err = (text: string) => void o.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  return {
    out: (text) => void o.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err,
    c,
    stdin: o.stdin,
    stdinIsTTY: Boolean(o.stdin.isTTY),
    stdoutIsTTY: Boolean(o.stdout.isTTY),
    stderrIsTTY,
    link: (url, text = url) => (hyperlinks ? `\u001b]8;;${url}\u0007${text}\u001b]8;;\u0007` : text),
    spinner: (text) => createSpinner({ stream: o.stderr, text, animate: o.animate && stderrIsTTY, c }),
    readStdin: () => readAll(o.stdin),
    streams: { stdin: o.stdin, stdout: o.stdout, stderr: o.stderr },
  };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
