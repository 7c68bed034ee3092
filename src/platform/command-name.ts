// How the user started us, so every command we print can be pasted back as it is: `npx openai-onboard …`
// when npm ran us through `npx` / `npm exec` (npm sets npm_command=exec for the child), the bare name
// when installed. Decided once when the context is built; until then (unit tests) the bare name.
import type { Env } from './environment.js';

let invokedAs = 'openai-onboard';

export function rememberInvocation(env: Env): void {
  invokedAs = env.npm_command === 'exec' ? 'npx openai-onboard' : 'openai-onboard';
}

/** The command line to print: `cmd('--check-key')` → `npx openai-onboard --check-key` under npx. */
export function cmd(args = ''): string {
  return args ? `${invokedAs} ${args}` : invokedAs;
}
