// Typed errors travel up to main(), which turns them into one exit code via exitCodeFor().
// Nothing below src/cli.ts calls process.exit.
import type { Diagnosis } from './key/diagnoses.js';
import { DIAGNOSES } from './key/diagnoses.js';

export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  cancelled: 130,
} as const;

/** Base class: every error we expect carries a message fit for a user (never a key). */
export class OnboardError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /**
   * The user chose to stop here (a "Quit" answer): main() prints the message plainly, not as
   * "Error: …", and the exit code stays the reason's.
   */
  deliberate = false;
}

/** Marks an error as the outcome of the user's own choice to stop (see OnboardError.deliberate). */
export function deliberately<E extends OnboardError>(error: E): E {
  error.deliberate = true;
  return error;
}

/** Wrong flags, missing input in non-interactive mode, a terminal where a pipe was needed. Exit 2. */
export class UsageError extends OnboardError {}

/** Ctrl-C or an aborted signal. Exit 130, one line, nothing half-written. */
export class CancelledError extends OnboardError {
  constructor(message = 'Cancelled. Nothing was saved.') {
    super(message);
  }
}

/** A key check that ended in a diagnosis other than ok: the exit code is the diagnosis's. */
export class DiagnosisError extends OnboardError {
  constructor(
    readonly diagnosis: Diagnosis,
    message: string,
    hint?: string,
  ) {
    super(message, hint);
  }
}

/** A file we must not clobber or could not write; the original is left untouched. */
export class StorageError extends OnboardError {}

export function exitCodeFor(error: unknown): number {
  if (error instanceof CancelledError) return EXIT.cancelled;
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof DiagnosisError) return DIAGNOSES[error.diagnosis].exit;
  return EXIT.unexpected;
}

export function isAbortError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Inquirer rejects with ExitPromptError on Ctrl-C and AbortPromptError when its signal fires.
  return (
    error.name === 'AbortError' ||
    error.name === 'ExitPromptError' ||
    error.name === 'AbortPromptError' ||
    error instanceof CancelledError
  );
}
