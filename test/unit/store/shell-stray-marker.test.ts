// Only a well-formed block that openai-onboard wrote is ours. A lone start marker followed later by
// a complete block used to make every line in between "ours": save replaced them, reset deleted
// them (repro reliability/12). Now save and reset refuse and leave the file byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReset } from '../../../src/commands/reset.js';
import { BLOCK_END, BLOCK_START, type BlockSource, MalformedBlockError, blockText, plainBlockKey, removeBlocks, renderBlock, upsertBlock } from '../../../src/store/shell-block.js';
import { saveKey } from '../../../src/store/save.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { storeContext } from './store-context.js';

const KEY = fakeKeys.project(81);
const OLD = fakeKeys.project(82);
const block = (key = OLD) => renderBlock('bash', { kind: 'plain', key });

const STRAY = `alias a=1\n${BLOCK_START}\nalias important=yes\nexport PATH=/opt/bin:$PATH\n${block()}alias z=26\n`;

describe('stray openai-onboard markers', () => {
  it.each([
    ['a lone start marker before a complete block', STRAY, 2],
    ['a lone start marker at the end', `alias a=1\n${BLOCK_START}\nalias important=yes\n`, 2],
    ['a lone end marker', `alias a=1\n${BLOCK_END}\nalias b=2\n`, 2],
    ['a block with lines openai-onboard did not write', `${BLOCK_START}\n# Written by openai-onboard\nexport OPENAI_API_KEY='x'\nalias mine=1\n${BLOCK_END}\n`, 1],
    ['markers around text of the user', `${BLOCK_START}\nalias important=yes\n${BLOCK_END}\n`, 1],
  ])('%s is refused by upsert and remove, naming the line', (_, text, line) => {
    for (const edit of [() => upsertBlock(text, block(KEY)), () => removeBlocks(text)]) {
      expect(edit).toThrow(MalformedBlockError);
      try {
        edit();
      } catch (error) {
        expect((error as MalformedBlockError).line).toBe(line);
      }
    }
    // Readers (status, key sources) see no block of ours there, rather than failing.
    expect(blockText(text)).toBeUndefined();
    expect(plainBlockKey(text)).toBeUndefined();
  });

  it('every block openai-onboard renders, for every shell and source, is recognised as ours', () => {
    for (const shell of ['bash', 'zsh', 'fish', 'pwsh'] as const) {
      const sources: BlockSource[] = [
        { kind: 'plain', key: KEY },
        { kind: 'keychain', backend: 'secret-service' },
        { kind: 'keychain', backend: 'macos' },
        ...(shell === 'pwsh' ? [{ kind: 'keychain', backend: 'windows' } as const] : []),
      ];
      for (const source of sources) {
        const text = `x=1\n${renderBlock(shell, source)}`;
        expect(removeBlocks(text)).toEqual({ content: 'x=1\n', removed: 1 });
        // v0.1 wrote blocks with CRLF in CRLF files: those are still ours.
        expect(removeBlocks(`x=1\r\n${renderBlock(shell, source, '\r\n')}`).removed).toBe(1);
      }
    }
  });

  it('save refuses the file and changes nothing; reset leaves it too, and keeps it out of the removed list', async () => {
    const ctx = storeContext({ options: { shell: 'bash', yes: true, json: true }, mode: { interactive: false, reason: 'flag' } });
    const bashrc = join(ctx.home, '.bashrc');
    writeFileSync(bashrc, STRAY);
    const [report] = await saveKey(ctx, KEY, ['shell']);
    expect(report!.error).toMatch(/line 2 of .*\.bashrc is an openai-onboard start marker without its end marker/);
    expect(report!.error).toMatch(/left the file as it is/);
    expect(readFileSync(bashrc, 'utf8')).toBe(STRAY);

    // A record from an earlier save of this file: reset must still not touch the stray lines.
    await ctx.config.update((c) => void c.saved.push({ target: 'shell', location: bashrc, shell: 'bash', variant: 'plain', masked: 'm', fingerprint: 'f', savedAt: 'now' }));
    // Not finished: the block must be fixed by hand first, so reset keeps the record and exits 1.
    expect(await runReset(ctx)).toBe(1);
    expect(readFileSync(bashrc, 'utf8')).toBe(STRAY);
    expect((await ctx.config.read()).saved.map((e) => e.location)).toEqual([bashrc]);
    const out = JSON.parse(ctx.io.stdoutText()) as { kept: Array<{ location: string; detail: string }> };
    expect(out.kept).toEqual([expect.objectContaining({ location: bashrc, detail: expect.stringMatching(/start marker without its end marker/) })]);
  });
});
