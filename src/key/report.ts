// Human rendering of a CheckResult. STUB: issue 3 (helper A) writes the real one.
import type { IO } from '../ui/io.js';
import type { CheckResult } from './types.js';

export function renderCheckResult(result: CheckResult, io: IO): string {
  const mark = result.ok ? io.c.green('✔') : io.c.red('✖');
  return `${mark} ${result.summary}\n${result.fix}${result.fixUrl ? `\n${result.fixUrl}` : ''}`;
}
