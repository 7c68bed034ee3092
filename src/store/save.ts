// Saving a checked key to the targets the user chose. STUB: issue 4 (helper B) writes the real one.
import type { Context } from '../context.js';
import type { SaveTarget } from '../options.js';

export type StoreTarget = Exclude<SaveTarget, 'none'>;

export interface SaveReport {
  target: StoreTarget;
  /** File path, or a keychain description ("Secret Service: openai-onboard/OPENAI_API_KEY"). */
  location: string;
  /** Read back the way a consumer reads it (dotenv parser, a real shell) and it matched. */
  verified: boolean;
  /** Extra lines for the user: ".env added to .gitignore", "open a new terminal", … */
  notes: string[];
}

/** Which targets are offered, and which is pre-selected, on this machine. */
export async function availableTargets(_ctx: Context): Promise<Array<{ target: StoreTarget; label: string; available: boolean; why?: string }>> {
  return [{ target: 'env', label: 'the project .env file', available: true }];
}

export async function saveKey(_ctx: Context, _key: string, _targets: StoreTarget[]): Promise<SaveReport[]> {
  throw new Error('not implemented yet');
}
