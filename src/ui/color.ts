// Colour level decided once from flags and environment. NO_COLOR (any value) and --no-color win;
// FORCE_COLOR is respected; otherwise colour only on a terminal that is not "dumb".
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

// Our own 20 lines instead of chalk: the seven styles we use, chained as chalk chains them
// (`c.green.bold`), at the level decided above. chalk's ~7 KB were the one part of the bundle that Node
// itself covers, and the tarball's 120 kB budget needed them (the Inquirer prompts dropped chalk for
// the same reason). A style closed inside the text is reopened after it, as chalk does.
const STYLES = { bold: [1, 22], dim: [2, 22], underline: [4, 24], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;
type StyleName = keyof typeof STYLES;
/** `c.green.bold('✔')`: a style, callable, with every style chained on it. */
export type Colors = ((text: string) => string) & { readonly [K in StyleName]: Colors };

export function createColors(level: ColorLevel): Colors {
  const make = (open: string, close: string): Colors => {
    const style = ((text: string) => (level && open ? open + String(text).replaceAll(close, close + open) + close : String(text))) as Colors;
    for (const name of Object.keys(STYLES) as StyleName[]) {
      Object.defineProperty(style, name, { get: () => make(`${open}\u001b[${STYLES[name][0]}m`, `\u001b[${STYLES[name][1]}m${close}`) });
    }
    return style;
  };
  return make('', '');
}
