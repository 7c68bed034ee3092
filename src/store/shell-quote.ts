// Quoting a literal for each shell. Single quotes are literal everywhere, but each shell escapes a
// single quote inside them differently.
import type { ShellName } from '../options.js';

export function quoteFor(shell: ShellName, value: string): string {
  switch (shell) {
    case 'bash':
    case 'zsh':
      // POSIX: close, escaped quote, reopen.
      return `'${value.replaceAll("'", `'\\''`)}'`;
    case 'fish':
      // fish: inside single quotes only \\ and \' are escapes.
      return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
    case 'pwsh':
      // PowerShell: a single quote is doubled.
      return `'${value.replaceAll("'", "''")}'`;
  }
}
