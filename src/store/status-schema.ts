// The `status --json` object: every place OPENAI_API_KEY is defined (masked, fingerprinted), which
// definition wins for a new shell, for Node with dotenv and for the OpenAI SDK, and warnings.
// Re-exported from src/schemas/ for consumers; documented in docs/storage.md and docs/json.md.
import { z } from 'zod';
import { SHELLS } from '../options.js';
import { checkResultSchema } from '../schemas/check-result.js';
import { TARGET_IDS } from './targets/ids.js';

export const DEFINITION_KINDS = ['env', 'dotenv', 'shell', 'keychain', 'tool'] as const;

export const definitionSchema = z.object({
  id: z.string().describe('stable id: env, dotenv:<path>, shell:<path>[:<line>], keychain, tool:codex, tool:llm'),
  kind: z.enum(DEFINITION_KINDS),
  label: z.string().describe('what this place is, in words'),
  location: z.string().describe('file path (with :line for shell files), or the keychain entry'),
  masked: z.string().max(13).nullable().describe('first 8 characters, "…", last 4; null when the value is computed at run time'),
  fingerprint: z.string().nullable().describe('first 12 hex digits of SHA-256 of the key; equal fingerprints, same key'),
  agrees: z.boolean().nullable().describe('same key as `reference`; null when the value is unknown'),
  writtenByOnboard: z.boolean().describe('openai-onboard wrote this (reset removes it)'),
  note: z.string().optional(),
});

const winnerSchema = z.object({
  definition: z.string().nullable().describe('id of the winning definition, null when none'),
  masked: z.string().max(13).nullable(),
  fingerprint: z.string().nullable(),
  explanation: z.string(),
});

export const statusSchema = z.object({
  ok: z.boolean().describe('false only when --check ran and the winning key is not ok, or no key was found for --check'),
  definitions: z.array(definitionSchema),
  consistent: z.boolean().describe('every known definition holds the same key'),
  unreadable: z
    .array(z.string())
    .optional()
    .describe('ids of definitions that exist but could not be read here (a keychain without a D-Bus session, locked); `consistent` says nothing about them'),
  reference: z
    .object({ fingerprint: z.string(), masked: z.string().max(13), why: z.string() })
    .nullable()
    .describe('the key the others are compared with: the newest one openai-onboard saved, else the one Node with dotenv uses'),
  winners: z.object({
    newShell: winnerSchema.extend({
      shell: z.enum(SHELLS),
      method: z.enum(['started', 'files']).describe('started: a real shell was started to ask; files: read from its startup files'),
    }),
    node: winnerSchema.describe('Node with dotenv (the process environment wins over .env)'),
    sdk: winnerSchema.describe('the OpenAI SDK, which reads only the process environment'),
  }),
  saved: z
    .array(
      z.object({
        target: z.enum(TARGET_IDS),
        location: z.string(),
        masked: z.string().max(13),
        fingerprint: z.string(),
        savedAt: z.string(),
      }),
    )
    .describe('what openai-onboard recorded writing (its config store)'),
  warnings: z.array(z.string()),
  check: checkResultSchema.optional().describe('status --check: the check of the winning key'),
});

export type StatusReport = z.infer<typeof statusSchema>;
export type StatusDefinition = z.infer<typeof definitionSchema>;
