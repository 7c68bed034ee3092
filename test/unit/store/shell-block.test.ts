// The profile block as text: rendered per shell, replaced in place, removed without a trace.
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../../src/errors.js';
import { BLOCK_END, BLOCK_START, isKeychainBlock, plainBlockKey, removeBlocks, renderBlock, upsertBlock } from '../../../src/store/shell-block.js';
import { quoteFor } from '../../../src/store/shell-quote.js';
import { literalValue, scanFishVariables, scanShellText } from '../../../src/store/shell-scan.js';

const KEY = 'sk-test-0123456789abcdef';

describe('shell block', () => {
  it('renders one marked block per shell with the key quoted for that shell', () => {
    expect(renderBlock('bash', { kind: 'plain', key: KEY })).toContain(`export OPENAI_API_KEY='${KEY}'\n`);
    expect(renderBlock('zsh', { kind: 'plain', key: KEY })).toContain(`export OPENAI_API_KEY='${KEY}'\n`);
    expect(renderBlock('fish', { kind: 'plain', key: KEY })).toContain(`set -gx OPENAI_API_KEY '${KEY}'\n`);
    expect(renderBlock('pwsh', { kind: 'plain', key: KEY })).toContain(`$env:OPENAI_API_KEY = '${KEY}'\n`);
    for (const shell of ['bash', 'zsh', 'fish', 'pwsh'] as const) {
      const block = renderBlock(shell, { kind: 'plain', key: KEY });
      expect(block.startsWith(`${BLOCK_START}\n`)).toBe(true);
      expect(block.endsWith(`${BLOCK_END}\n`)).toBe(true);
      expect(plainBlockKey(block)).toBe(KEY);
    }
  });

  it('quotes single quotes and backslashes the way each shell reads them', () => {
    expect(quoteFor('bash', "a'b")).toBe(`'a'\\''b'`);
    expect(quoteFor('fish', "a'b\\c")).toBe(`'a\\'b\\\\c'`);
    expect(quoteFor('pwsh', "a'b")).toBe(`'a''b'`);
  });

  it('a keychain block reads the key at shell start and holds no key', () => {
    const block = renderBlock('bash', { kind: 'keychain', backend: 'secret-service' });
    expect(block).toContain('secret-tool lookup service openai-onboard account OPENAI_API_KEY');
    expect(isKeychainBlock(block)).toBe(true);
    expect(plainBlockKey(block)).toBeUndefined();
    expect(renderBlock('zsh', { kind: 'keychain', backend: 'macos' })).toContain('security find-generic-password -s openai-onboard -a OPENAI_API_KEY -w');
    expect(() => renderBlock('bash', { kind: 'keychain', backend: 'windows' })).toThrow(StorageError);
  });

  it('replaces the block in place and keeps everything around it', () => {
    const before = '# mine\r\nalias ll="ls -l"\r\n';
    const first = upsertBlock(before, renderBlock('bash', { kind: 'plain', key: 'sk-old-0123456789' }, '\r\n'));
    const withTail = `${first}export EDITOR=vim\r\n`;
    const second = upsertBlock(withTail, renderBlock('bash', { kind: 'plain', key: KEY }, '\r\n'));
    expect(second.split(BLOCK_START)).toHaveLength(2);
    // The blank line before the block is a bare LF even in a CRLF file (bash would run a lone "\r").
    expect(second.startsWith(`${before}\n${BLOCK_START}`)).toBe(true);
    expect(second.endsWith(`${BLOCK_END}\r\nexport EDITOR=vim\r\n`)).toBe(true);
    expect(plainBlockKey(second)).toBe(KEY);
  });

  it('removing the block restores the file it was appended to', () => {
    for (const before of ['', 'a\n', 'a\nb\n', 'no newline at end', 'x\r\ny\r\n']) {
      const added = upsertBlock(before, renderBlock('zsh', { kind: 'plain', key: KEY }, before.includes('\r\n') ? '\r\n' : '\n'));
      const { content, removed } = removeBlocks(added);
      expect(removed).toBe(1);
      expect(content).toBe(before === 'no newline at end' ? `${before}\n` : before);
    }
  });

  it('refuses to touch a file with a start marker but no end marker', () => {
    expect(() => upsertBlock(`${BLOCK_START}\nexport X=1\n`, renderBlock('bash', { kind: 'plain', key: KEY }))).toThrow(StorageError);
  });
});

describe('shell-file scanner', () => {
  it('finds every definition, with literal values, computed ones and our block marked', () => {
    const text = [
      'export OPENAI_API_KEY=sk-a-1234567890',
      'OPENAI_API_KEY="sk-b-1234567890" # comment',
      'export OPENAI_API_KEY="$(pass show openai)"',
      renderBlock('bash', { kind: 'plain', key: KEY }).trimEnd(),
    ].join('\n');
    const found = scanShellText(text, '/h/.bashrc');
    expect(found.map((f) => [f.line, f.value, f.ours])).toEqual([
      [1, 'sk-a-1234567890', false],
      [2, 'sk-b-1234567890', false],
      [3, undefined, false],
      [6, KEY, true],
    ]);
  });

  it('reads fish and PowerShell syntax, and fish universal variables', () => {
    expect(scanShellText("set -gx OPENAI_API_KEY 'sk-f-1234567890'\nset -x OPENAI_API_KEY (cat key)", '/c/fish/config.fish').map((f) => f.value)).toEqual(['sk-f-1234567890', undefined]);
    expect(scanShellText("$env:OPENAI_API_KEY = 'sk-p-1234567890'", '/c/profile.ps1')[0]!.value).toBe('sk-p-1234567890');
    expect(scanFishVariables('# This file contains fish universal variable definitions.\nSETUVAR --export OPENAI_API_KEY:sk\\x2du\\x2d1234567890\nSETUVAR OTHER:x\n')[0]!.value).toBe('sk-u-1234567890');
    expect(literalValue("'a b'", 'posix')).toBe('a b');
    expect(literalValue('$KEY', 'posix')).toBeUndefined();
  });

  it('reports a keychain block as one definition that reads the keychain', () => {
    const found = scanShellText(renderBlock('zsh', { kind: 'keychain', backend: 'secret-service' }), '/h/.zshrc');
    expect(found).toEqual([{ line: 1, ours: true, keychainBlock: true }]);
  });
});
