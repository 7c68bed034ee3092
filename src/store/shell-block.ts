// The marked block openai-onboard keeps in a shell profile. Pure text functions: render a block for
// a shell, put it in a file's text (replacing an earlier one in place), take it out again.
import { KEYCHAIN_ACCOUNT, KEYCHAIN_SERVICE } from './keychain-names.js';
import { StorageError } from '../errors.js';
import type { ShellName } from '../options.js';
import { quoteFor } from './shell-quote.js';

export const BLOCK_START = '# >>> openai-onboard >>>';
export const BLOCK_END = '# <<< openai-onboard <<<';

export type KeychainBackend = 'secret-service' | 'macos' | 'windows';

/** What the block does: set the key itself, or read it from the keychain at shell start. */
export type BlockSource = { kind: 'plain'; key: string } | { kind: 'keychain'; backend: KeychainBackend };

/** The command that prints the stored key (used by the block at shell start). */
export const LOOKUP: Record<Exclude<KeychainBackend, 'windows'>, { program: string; args: string[] }> = {
  'secret-service': { program: 'secret-tool', args: ['lookup', 'service', KEYCHAIN_SERVICE, 'account', KEYCHAIN_ACCOUNT] },
  macos: { program: 'security', args: ['find-generic-password', '-s', KEYCHAIN_SERVICE, '-a', KEYCHAIN_ACCOUNT, '-w'] },
};

function body(shell: ShellName, source: BlockSource): string[] {
  if (source.kind === 'plain') {
    const q = quoteFor(shell, source.key);
    if (shell === 'fish') return [`set -gx OPENAI_API_KEY ${q}`];
    if (shell === 'pwsh') return [`$env:OPENAI_API_KEY = ${q}`];
    return [`export OPENAI_API_KEY=${q}`];
  }
  if (source.backend === 'windows') {
    if (shell !== 'pwsh') throw new StorageError('On Windows the keychain is read by the PowerShell profile only; choose --shell pwsh.');
    return [
      '# Reads the key from Windows Credential Manager (generic credential "openai-onboard").',
      ...WINDOWS_READ_BLOCK,
    ];
  }
  const { program, args } = LOOKUP[source.backend];
  const cmd = `${program} ${args.join(' ')}`;
  switch (shell) {
    case 'bash':
    case 'zsh':
      return [
        `if command -v ${program} >/dev/null 2>&1; then`,
        `  __openai_onboard_key="$(${cmd} 2>/dev/null)"`,
        // Only export a non-empty value: an empty variable would hide a project's .env from dotenv.
        '  if [ -n "$__openai_onboard_key" ]; then export OPENAI_API_KEY="$__openai_onboard_key"; fi',
        '  unset __openai_onboard_key',
        'fi',
      ];
    case 'fish':
      return [
        `if command -q ${program}`,
        `    set -l __openai_onboard_key (${cmd} 2>/dev/null)`,
        '    if test -n "$__openai_onboard_key"',
        '        set -gx OPENAI_API_KEY $__openai_onboard_key',
        '    end',
        'end',
      ];
    case 'pwsh':
      return [
        `if (Get-Command ${program} -ErrorAction SilentlyContinue) {`,
        `  $__openaiOnboardKey = (& ${cmd} 2>$null)`,
        '  if ($__openaiOnboardKey) { $env:OPENAI_API_KEY = "$__openaiOnboardKey" }',
        '  Remove-Variable __openaiOnboardKey',
        '}',
      ];
  }
}

// Windows has no lookup command: a few lines of P/Invoke read the generic credential.
const WINDOWS_READ_BLOCK = [
  'try {',
  "  Add-Type -Namespace OpenAIOnboard -Name Cred -MemberDefinition '[DllImport(\"advapi32\", CharSet=CharSet.Unicode, SetLastError=true)] public static extern bool CredReadW(string t, int ty, int f, out System.IntPtr c); [DllImport(\"advapi32\")] public static extern void CredFree(System.IntPtr c);' -ErrorAction SilentlyContinue",
  '  $__ooPtr = [IntPtr]::Zero',
  "  if ([OpenAIOnboard.Cred]::CredReadW('openai-onboard', 1, 0, [ref]$__ooPtr)) {",
  '    $__ooSize = [Runtime.InteropServices.Marshal]::ReadInt32($__ooPtr, 16 + 2 * [IntPtr]::Size)',
  '    $__ooBlob = [Runtime.InteropServices.Marshal]::ReadIntPtr($__ooPtr, 16 + 3 * [IntPtr]::Size)',
  '    $env:OPENAI_API_KEY = [Runtime.InteropServices.Marshal]::PtrToStringUni($__ooBlob, $__ooSize / 2)',
  '    [OpenAIOnboard.Cred]::CredFree($__ooPtr)',
  '  }',
  '} catch {}',
];

export function renderBlock(shell: ShellName, source: BlockSource, eol = '\n'): string {
  const lines = [BLOCK_START, '# Written by openai-onboard; `npx openai-onboard reset` removes this block.', ...body(shell, source), BLOCK_END];
  return lines.map((l) => l + eol).join('');
}

interface Span {
  start: number;
  end: number;
}

/** A marker line or block that openai-onboard did not write in that shape: never edited, never removed. */
export class MalformedBlockError extends StorageError {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

const START_LINE = /^[ \t]*# >>> openai-onboard >>>[ \t]*$/;
const END_LINE = /^[ \t]*# <<< openai-onboard <<<[ \t]*$/;
const COMMENT_LINE = /^# Written by openai-onboard\b/;
const PLAIN_LINE = /^(?:export OPENAI_API_KEY=|set -gx OPENAI_API_KEY |\$env:OPENAI_API_KEY = )'[^'\n]*'$/;

/** Every keychain body we render, one string per shell and backend (lines joined by \n). */
const KEYCHAIN_BODIES: string[] = (['bash', 'zsh', 'fish', 'pwsh'] as const).flatMap((shell) =>
  (['secret-service', 'macos', 'windows'] as const).flatMap((backend) => {
    try {
      return [body(shell, { kind: 'keychain', backend }).join('\n')];
    } catch {
      return [];
    }
  }),
);

/** Only what renderBlock writes is ours: our comment line, then the plain line or a keychain body. */
function isOurBody(lines: string[]): boolean {
  if (!lines[0] || !COMMENT_LINE.test(lines[0])) return false;
  const rest = lines.slice(1);
  if (rest.length === 1 && PLAIN_LINE.test(rest[0]!)) return true;
  return KEYCHAIN_BODIES.includes(rest.join('\n'));
}

/**
 * Character spans of every block, start line to end line inclusive (with its newline). Anything
 * that looks like ours but is not exactly a block we write (a lone start or end marker, a start
 * inside a block, other lines between the markers) throws MalformedBlockError: a stray marker must
 * never make the lines after it "ours" (save would replace them, reset would delete them).
 */
function findBlocks(content: string): Span[] {
  const spans: Span[] = [];
  const lineRe = /[^\n]*(?:\n|$)/g;
  let open: { start: number; line: number; body: string[] } | undefined;
  let n = 0;
  for (let m = lineRe.exec(content); m && m[0] !== ''; m = lineRe.exec(content)) {
    n++;
    const text = m[0].replace(/\r?\n$/, '').replace(/\r$/, '');
    if (START_LINE.test(text)) {
      if (open) throw new MalformedBlockError(open.line, `an openai-onboard start marker without its end marker (another start marker follows at line ${n})`);
      open = { start: m.index, line: n, body: [] };
    } else if (END_LINE.test(text)) {
      if (!open) throw new MalformedBlockError(n, 'an openai-onboard end marker without a start marker');
      if (!isOurBody(open.body)) throw new MalformedBlockError(open.line, 'an openai-onboard block with lines openai-onboard did not write');
      spans.push({ start: open.start, end: m.index + m[0].length });
      open = undefined;
    } else if (open) {
      open.body.push(text);
    }
  }
  if (open) throw new MalformedBlockError(open.line, 'an openai-onboard start marker without an end marker');
  return spans;
}

/** findBlocks for readers (status, key sources): a malformed block is simply not ours. */
function blocksOrNone(content: string): Span[] {
  try {
    return findBlocks(content);
  } catch (error) {
    if (error instanceof MalformedBlockError) return [];
    throw error;
  }
}

/** Throws MalformedBlockError when the text holds a marker that is not part of a block we wrote. */
export function assertWellFormed(content: string): void {
  findBlocks(content);
}

export function eolOf(content: string): string {
  const m = /\r?\n/.exec(content);
  return m ? m[0] : '\n';
}

/** Replaces the first block in place (dropping any duplicates), or appends one after a blank line. */
export function upsertBlock(content: string, block: string): string {
  const spans = findBlocks(content);
  if (spans.length === 0) {
    if (content === '') return block;
    // One blank line before the block; removeBlocks takes it away again. It is a bare LF even in a
    // CRLF file: bash runs a "\r" line as a command (and would read a value with a trailing "\r").
    const sep = content.endsWith('\n') ? '\n' : `${eolOf(content)}\n`;
    return content + sep + block;
  }
  let out = content.slice(0, spans[0]!.start) + block;
  for (let i = 0; i < spans.length; i++) out += content.slice(spans[i]!.end, spans[i + 1]?.start ?? content.length);
  return out;
}

export function removeBlocks(content: string): { content: string; removed: number } {
  const spans = findBlocks(content);
  let out = '';
  let at = 0;
  for (const s of spans) {
    let before = content.slice(at, s.start);
    // A block at the end of the file was appended after a blank line of ours: take that too.
    if (s.end >= content.length && /\r?\n\r?\n$/.test(before)) before = before.replace(/\r?\n$/, '');
    out += before;
    at = s.end;
  }
  return { content: out + content.slice(at), removed: spans.length };
}

/** The text between the markers of the first block, if any. */
export function blockText(content: string): string | undefined {
  const [span] = blocksOrNone(content);
  return span ? content.slice(span.start, span.end) : undefined;
}

/** The key a plain block sets (undefined for a keychain block or no block). */
export function plainBlockKey(content: string): string | undefined {
  const text = blockText(content);
  if (!text) return undefined;
  const m = /^(?:export OPENAI_API_KEY=|set -gx OPENAI_API_KEY |\$env:OPENAI_API_KEY = )'([^']*)'\r?$/m.exec(text);
  if (!m) return undefined;
  // Keys are checked storable (no quotes or backslashes) before they are written, so no unescaping.
  return m[1];
}

export function isKeychainBlock(content: string): boolean {
  const text = blockText(content);
  return text !== undefined && /secret-tool lookup|find-generic-password|CredReadW/.test(text);
}
