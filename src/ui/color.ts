// Colour level decided once from flags and environment. NO_COLOR (any value) and --no-color win;
// FORCE_COLOR is respected; otherwise colour only on a terminal that is not "dumb".
import { Chalk, type ChalkInstance } from 'chalk';
import type { Env } from '../platform/environment.js';

export type ColorLevel = 0 | 1 | 2 | 3;

export function colorLevel(opts: { env: Env; isTTY: boolean; noColorFlag: boolean }): ColorLevel {
  const { env } = opts;
  if (opts.noColorFlag || env.NO_COLOR !== undefined) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true' || force === '1') return 1;
    if (force === 'false' || force === '0') return 0;
    const n = Number(force);
    if (n === 2 || n === 3) return n;
    return 1;
  }
  if (!opts.isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (/-256(color)?$/i.test(env.TERM ?? '')) return 2;
  return 1;
}

export function createColors(level: ColorLevel): ChalkInstance {
  return new Chalk({ level });
}

export type Colors = ChalkInstance;
