import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readKeyFromStream, STDIN_KEY_LIMIT } from '../../../src/key/stdin-key.js';

function chunks(total: number, size = 65_536): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const n = Math.min(size, total - sent);
      sent += n;
      this.push(Buffer.alloc(n, 65));
    },
  });
}

describe('readKeyFromStream', () => {
  it('returns a small input whole', async () => {
    expect(await readKeyFromStream(Readable.from([Buffer.from('abc\n')]))).toEqual({ text: 'abc\n' });
    expect(await readKeyFromStream(chunks(STDIN_KEY_LIMIT, 100))).toEqual({ text: 'A'.repeat(STDIN_KEY_LIMIT) });
  });

  it('refuses more than the limit, counting the bytes without keeping them', async () => {
    expect(await readKeyFromStream(chunks(STDIN_KEY_LIMIT + 1, 100))).toEqual({ tooLarge: { bytes: STDIN_KEY_LIMIT + 1, exact: true } });
    expect(await readKeyFromStream(chunks(10_000_000))).toEqual({ tooLarge: { bytes: 10_000_000, exact: true } });
  });

  it('stops reading an endless input', async () => {
    const endless = new Readable({ read() { this.push(Buffer.alloc(1 << 20, 121)); } });
    const result = await readKeyFromStream(endless);
    expect(result).toMatchObject({ tooLarge: { exact: false } });
    expect(endless.destroyed).toBe(true);
  });
});
