// Streams, terminal facts and colour, in one object. Results go to stdout (out), everything else to
// stderr (err). createTestIO() gives the same object over string buffers for tests.
// Text written to a terminal is wrapped to its width here, once, so every step and command fits an
// 80×24 terminal without each one counting columns (src/ui/wrap.ts); piped output is left as written.
import type { Readable, Writable } from 'node:stream';
import type { Env } from '../platform/environment.js';
import { type Colors, colorLevel, createColors } from './color.js';
import { createSpinner, type Spinner } from './spinner.js';
import { proseWidth, wrapText } from './wrap.js';

export interface WriteOptions {
  /** false for text whose line breaks matter (code to copy): a terminal's own soft wrap keeps it pasteable. */
  wrap?: boolean;
}

export interface IO {
  /** stdout: the result a script consumes. Wrapped to the terminal when stdout is one (never JSON). */
  out(text: string, o?: WriteOptions): void;
  /** stderr: progress, hints, warnings, prompts' surroundings. Wrapped when stderr is a terminal. */
  err(text: string, o?: WriteOptions): void;
  /** Columns prose on stderr is wrapped to (terminal width, at most 80); undefined when not a terminal. */
  readonly width: number | undefined;
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

type Output = Writable & { isTTY?: boolean; columns?: number };

export interface IOOptions {
  stdin: Readable & { isTTY?: boolean };
  stdout: Output;
  stderr: Output;
  env: Env;
  noColorFlag: boolean;
  /** Spinners animate only in interactive mode. */
  animate: boolean;
  /** stdout carries one JSON object (--json): it is never wrapped, terminal or not. */
  json?: boolean;
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
  // Read at each write: the user may resize the window while the wizard waits.
  const widthOf = (stream: Output) => (stream.isTTY ? proseWidth(stream.columns) : undefined);
  const writer = (stream: Output, wraps: boolean) => (text: string, w?: WriteOptions) => {
    const width = wraps && w?.wrap !== false ? widthOf(stream) : undefined;
    const fitted = width ? wrapText(text, width) : text;
    stream.write(fitted.endsWith('\n') ? fitted : `${fitted}\n`);
  };
  return {
    out: writer(o.stdout, !o.json),
    err: writer(o.stderr, true),
    get width() {
      return widthOf(o.stderr);
    },
    c,
    stdin: o.stdin,
    stdinIsTTY: Boolean(o.stdin.isTTY),
    stdoutIsTTY: Boolean(o.stdout.isTTY),
    stderrIsTTY,
    link: (url, text = url) => (hyperlinks ? `\u001b]8;;${url}\u0007${text}\u001b]8;;\u0007` : text),
    spinner: (text) => createSpinner({ stream: o.stderr, text, animate: o.animate && stderrIsTTY, c, width: () => widthOf(o.stderr) }),
    readStdin: () => readAll(o.stdin),
    streams: { stdin: o.stdin, stdout: o.stdout, stderr: o.stderr },
  };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
