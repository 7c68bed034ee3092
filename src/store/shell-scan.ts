// Finds every OPENAI_API_KEY a shell startup file defines, not only openai-onboard's block:
// `export OPENAI_API_KEY=…` (sh, bash, zsh), `set -gx OPENAI_API_KEY …` (fish), `$env:OPENAI_API_KEY = …`
// (PowerShell) and fish universal variables. A value built at run time (`$(…)`, `$VAR`) is "computed".
import { blockText, isKeychainBlock } from './shell-block.js';

export interface ShellAssignment {
  line: number;
  /** The literal value; undefined when computed at shell start. */
  value?: string;
  /** Inside openai-onboard's block. */
  ours: boolean;
  /** openai-onboard's block that reads the keychain. */
  keychainBlock?: boolean;
}

type Syntax = 'posix' | 'fish' | 'pwsh';

export function syntaxOf(path: string): Syntax {
  if (path.endsWith('.fish')) return 'fish';
  if (path.toLowerCase().endsWith('.ps1')) return 'pwsh';
  return 'posix';
}

const PATTERNS: Record<Syntax, RegExp> = {
  posix: /^\s*(?:export\s+|declare\s+-x\s+|typeset\s+-x\s+)?OPENAI_API_KEY=(.*)$/,
  fish: /^\s*set\s+(?:-[-\w]+\s+)*OPENAI_API_KEY(?:\s+(.*))?$/,
  pwsh: /^\s*\$env:OPENAI_API_KEY\s*=\s*(.*)$/i,
};

/** The literal a shell word denotes, or undefined when it is computed. */
export function literalValue(raw: string, syntax: Syntax): string | undefined {
  const s = raw.trim();
  if (s.startsWith("'")) {
    const end = s.indexOf("'", 1);
    return end === -1 ? undefined : s.slice(1, end);
  }
  if (s.startsWith('"')) {
    const end = s.indexOf('"', 1);
    const inner = end === -1 ? undefined : s.slice(1, end);
    if (inner === undefined || /[$`]/.test(inner) || (syntax === 'fish' && inner.includes('('))) return undefined;
    return inner.replace(/\\(["\\$`])/g, '$1');
  }
  const word = s.split(/\s+#|\s*;/)[0]!.trim();
  if (/[$`(]/.test(word)) return undefined;
  return word.replace(/\\(.)/g, '$1');
}

export function scanShellText(text: string, path: string): ShellAssignment[] {
  const syntax = syntaxOf(path);
  const found: ShellAssignment[] = [];
  const lines = text.split(/\r?\n/);
  const block = blockText(text);
  let blockFirst = -1;
  let blockLast = -1;
  if (block) {
    blockFirst = text.slice(0, text.indexOf(block)).split('\n').length - 1;
    blockLast = blockFirst + block.replace(/\r?\n$/, '').split('\n').length - 1;
    if (isKeychainBlock(text)) found.push({ line: blockFirst + 1, ours: true, keychainBlock: true });
  }
  lines.forEach((line, i) => {
    const inBlock = i >= blockFirst && i <= blockLast;
    if (inBlock && found.some((f) => f.keychainBlock)) return;
    const m = PATTERNS[syntax].exec(line);
    if (!m || m[1] === undefined) return;
    found.push({ line: i + 1, value: literalValue(m[1], syntax), ours: inBlock });
  });
  return found;
}

/** fish_variables: `SETUVAR --export OPENAI_API_KEY:value`, with \xHH escapes. Only exported ones count. */
export function scanFishVariables(text: string): ShellAssignment[] {
  const found: ShellAssignment[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /^SETUVAR\s+--export\s+OPENAI_API_KEY:(.*)$/.exec(line);
    if (m) found.push({ line: i + 1, value: m[1]!.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), ours: false });
  });
  return found;
}
