// The object `--json` prints when a command fails before it has a result of its own (a usage error,
// Ctrl-C, a file we could not write, a bug). src/main.ts reportError() writes it.
import { z } from 'zod';
import { diagnosisSchema } from './check-result.js';

export const ERROR_KINDS = ['usage', 'cancelled', 'diagnosis', 'storage', 'error', 'internal'] as const;

export const errorOutputSchema = z.object({
  ok: z.literal(false),
  error: z.object({
    kind: z
      .enum(ERROR_KINDS)
      .describe('usage (exit 2), cancelled (130), diagnosis (the diagnosis\'s exit), storage, error (other expected), internal (a bug, exit 1)'),
    message: z.string().describe('what went wrong, in plain words (redacted)'),
    hint: z.string().optional().describe('what to do about it, e.g. the flag or variable to set'),
    diagnosis: diagnosisSchema.optional().describe('set when kind is "diagnosis"'),
  }),
  exitCode: z.number().int().describe('the process exit code'),
});

export type ErrorOutput = z.infer<typeof errorOutputSchema>;
