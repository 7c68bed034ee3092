// What a save target is: one place a checked key can be stored (.env, shell profile, keychain, …).
// Each target is one module in this folder, listed in ./index.ts; everything that names targets
// (the --save list and its check, the questions, saving, reset, status, the JSON Schemas) reads
// that list, so adding a target is one file plus one line there.
import type { Context } from '../../context.js';
import type { Config, SavedEntry } from '../config-store.js';
import type { ProfileExposure } from '../shell-exposure.js';
import type { Found } from '../status-sources.js';

export interface SaveReport {
  target: string;
  /** File path, or a keychain description ("Secret Service: openai-onboard/OPENAI_API_KEY"). */
  location: string;
  /** Read back the way a consumer reads it (dotenv parser, a real shell) and it matched. */
  verified: boolean;
  /** Extra lines for the user: ".env added to .gitignore", "open a new terminal", … */
  notes: string[];
  /**
   * Set when this target failed: nothing was written there, or it was written but reading it back
   * did not give the key (then the write is recorded, so `reset` removes it).
   */
  error?: string;
  /** Problems saveKey has already printed to stderr (e.g. ".env is tracked by git"). */
  warnings?: string[];
  /** The masked key this save replaced there (a different key was stored before). */
  replaced?: string;
}

export interface TargetOption {
  target: string;
  label: string;
  available: boolean;
  why?: string;
  /** The one to pre-select: the available option with the highest `rank`. */
  recommended?: boolean;
  /** How well this target suits this machine; none: never pre-selected (a profile git would carry). */
  rank?: number;
  /**
   * shell: profiles that git would carry into a repository (a dotfiles repo). Ask first, default
   * No, recommend the keychain; `describeExposure` words it. A non-interactive save refuses them without --yes.
   */
  gitExposure?: ProfileExposure[];
  /** Who else could read the key there, said before the user chooses it ("plain text in a 0644 file"). */
  exposure?: string[];
}

/** One save of one key to the chosen targets, shared by the targets as they run in order. */
export interface SaveRun {
  ctx: Context;
  key: string;
  /** Every target chosen for this save. */
  chosen: ReadonlySet<string>;
  /** Reports of the targets saved before this one (those a target names in `after` come first). */
  earlier: ReadonlyMap<string, SaveReport>;
  /** What was written where; recorded in the config store at the end, so `reset` finds it. */
  entries: SavedEntry[];
  base: Pick<SavedEntry, 'masked' | 'fingerprint' | 'savedAt'>;
}

export interface UndoOutcome {
  target: string;
  location: string;
  /** unreachable: the keychain could not be asked (no D-Bus session, locked): we cannot know. */
  outcome: 'removed' | 'kept' | 'absent' | 'unreachable';
  detail: string;
}

/** Another target's answer to the same question, asked once per run (a locked keychain costs 3 s). */
export type Peer<T> = (id: string) => Promise<T | undefined>;

export interface SaveTarget<Id extends string = string> {
  id: Id;
  /** Subject of "… not available here: why" ("A keychain is"). */
  subject: string;
  /** Targets that save first when also chosen; their reports are in `run.earlier`. */
  after?: readonly string[];
  /** What the question offers on this machine: label, availability, exposure, rank. */
  offer(ctx: Context, peer: Peer<TargetOption>): Promise<Omit<TargetOption, 'target' | 'recommended'>>;
  /** Where a failure is reported before anything is known ("the system keychain"). */
  where(ctx: Context): string;
  /** Subject of "… already holds another key". */
  holder(ctx: Context): string;
  save(run: SaveRun): Promise<SaveReport>;
  /** Read back: the key stored there now (the guards compare it with the new one), if any. */
  stored(ctx: Context): Promise<string | undefined>;
  /** reset's line for a record of this target. */
  describe(entry: SavedEntry): string;
  /** Removes exactly what the record says openai-onboard wrote. */
  undo(ctx: Pick<Context, 'env' | 'platform'>, entry: SavedEntry): Promise<UndoOutcome>;
  /** Where `status` finds keys in this kind of place (including ones others wrote). */
  find(ctx: Context, config: Config, peer: Peer<Found[]>): Promise<Found[]>;
}
