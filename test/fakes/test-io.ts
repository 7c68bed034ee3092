// An IO over string buffers, for step and flow tests.
import { PassThrough, Readable } from 'node:stream';
import { createIO, type IO } from '../../src/ui/io.js';

export interface TestIO extends IO {
  stdoutText(): string;
  stderrText(): string;
}

export function createTestIO(o: { stdin?: string; interactive?: boolean; env?: Record<string, string> } = {}): TestIO {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d: Buffer) => out.push(d.toString()));
  stderr.on('data', (d: Buffer) => err.push(d.toString()));
  const stdin = Readable.from(o.stdin === undefined ? [] : [Buffer.from(o.stdin)]);
  const io = createIO({ stdin, stdout, stderr, env: { NO_COLOR: '1', ...o.env }, noColorFlag: true, animate: false });
  // Writes to a PassThrough are delivered on 'data' synchronously when flowing.
  return Object.assign(io, { stdoutText: () => out.join(''), stderrText: () => err.join('') });
}
