// TODO: implemented in a later issue.
import type { Context } from '../context.js';
import { OnboardError } from '../errors.js';

export async function runCheckKey(_ctx: Context, ..._rest: unknown[]): Promise<number> {
  throw new OnboardError('not implemented yet');
}
