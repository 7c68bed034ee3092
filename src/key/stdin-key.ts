// --key-stdin reads a key, not a file: at most a few KB are kept, so a 10 MB pipe (a log, a binary,
// `yes`) is refused instead of being held in memory and sent as megabytes of request headers.
import type { Readable } from 'node:stream';

/** Far more than any key with the text people paste around it ("OPENAI_API_KEY=", quotes, CRLF). */
export const STDIN_KEY_LIMIT = 4096;
/** Past the limit we only count, to say how much there was; past this we stop counting. */
const COUNT_LIMIT = 64 * 1024 * 1024;

export type StdinRead = { text: string } | { tooLarge: { bytes: number; exact: boolean } };

export async function readKeyFromStream(stream: Readable): Promise<StdinRead> {
  const kept: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    if (bytes + buf.length <= STDIN_KEY_LIMIT) kept.push(buf);
    bytes += buf.length;
    if (bytes > COUNT_LIMIT) {
      stream.destroy();
      return { tooLarge: { bytes: COUNT_LIMIT, exact: false } };
    }
  }
  if (bytes > STDIN_KEY_LIMIT) return { tooLarge: { bytes, exact: true } };
  return { text: Buffer.concat(kept).toString('utf8') };
}
