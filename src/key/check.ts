// TODO: implemented in issue 3.
import type { Options } from '../options.js';
import type { Env } from '../platform/environment.js';
import type { KeyChecker } from './types.js';

export function createKeyChecker(_deps: { options: Options; env: Env }): KeyChecker {
  return {
    async check() {
      throw new Error('not implemented yet');
    },
  };
}
