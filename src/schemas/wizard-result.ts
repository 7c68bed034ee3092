// The object `openai-onboard --json` (the wizard) prints on stdout when it ends: finished, or stopped
// by a key check that did not pass. Other failures (usage, Ctrl-C, storage, bugs) print the error
// object of ./error.ts instead; wizardOutputSchema accepts either.
import { z } from 'zod';
import { checkResultSchema, diagnosisSchema } from './check-result.js';
import { TARGET_IDS } from '../store/targets/ids.js';

export const modeSchema = z.object({
  interactive: z.boolean(),
  reason: z.enum(['flag', 'ci', 'agent', 'no-tty']).optional().describe('why not interactive'),
  agent: z.string().optional().describe('the AI agent detected from its environment variables'),
});

export const wizardResultSchema = z
  .object({
    ok: z.boolean().describe('true when the wizard finished with a key that works (check ok or rate_limited)'),
    diagnosis: diagnosisSchema.nullable().describe('the key check\'s diagnosis; null when no key was checked'),
    check: checkResultSchema.nullable().describe('the full key check, as --check-key --json prints it'),
    savedTo: z.array(z.string()).describe('where the key was saved; empty with --save none (the non-interactive default)'),
    replaced: z
      .array(z.object({ target: z.enum(TARGET_IDS), location: z.string(), previous: z.string().describe('the masked key that was there before') }))
      .optional()
      .describe('places where the save replaced a different key (always printed by the wizard; empty when none)'),
    nextStep: z.string().nullable().describe('what the person should do next, in words an AI agent can relay; never the key'),
    exampleModel: z
      .string()
      .optional()
      .describe('the model the Done screen\'s snippets use: check.exampleModel, repeated for convenience'),
    mode: modeSchema,
    exitCode: z.number().int().describe('the process exit code: 0, or the diagnosis\'s exit code'),
  })
  .refine((r) => r.diagnosis === (r.check?.diagnosis ?? null), { message: 'diagnosis repeats check.diagnosis', path: ['diagnosis'] })
  .refine((r) => r.ok === (r.exitCode === 0), { message: 'ok is true exactly when exitCode is 0', path: ['ok'] })
  // The one failure that can come with a saved key: a valid key saved before the account had credit.
  .refine((r) => r.ok || r.savedTo.length === 0 || r.diagnosis === 'no_credits', { message: 'nothing is saved when the wizard did not succeed', path: ['savedTo'] });

export type WizardResultOutput = z.infer<typeof wizardResultSchema>;
