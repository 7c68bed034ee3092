// The `--check-key --json` object (cli-contract.md, "--check-key --json"), as a zod schema for
// consumers and tests. The CLI itself never imports this file: it builds the object from CheckResult
// (src/key/types.ts) and the schema tests keep the two in step. Unknown fields are stripped on parse,
// so a consumer's parse keeps working when a later version adds a field.
import { z } from 'zod';
import { DIAGNOSIS_CODES } from '../key/diagnoses.js';
import type { KeyKind } from '../key/types.js';

export const diagnosisSchema = z.enum(DIAGNOSIS_CODES).describe('the stable diagnosis code; see the table in the contract');

export const KEY_KINDS = ['project', 'service_account', 'admin', 'user', 'legacy_project', 'org', 'unknown'] as const satisfies readonly KeyKind[];

/** The masked form is at most 8 + 1 + 4 characters: a whole key can never fit in it. */
export const MASKED_MAX_LENGTH = 13;

export const keyDescriptionSchema = z.object({
  source: z
    .string()
    .min(1)
    .describe('where the key came from: stdin, prompt, browser (the --key-browser page), env:OPENAI_API_KEY, file:<path>, keychain or shell:<profile>'),
  masked: z.string().max(MASKED_MAX_LENGTH).describe('first 8 characters, "…", last 4; never the key'),
  kind: z.enum(KEY_KINDS).optional(),
  provider: z.string().optional().describe('"openai", another provider\'s name, or "unknown"'),
  length: z.number().int().nonnegative().optional().describe('characters after trimming'),
});

export const checkStepSchema = z.object({
  name: z.enum(['format', 'auth', 'billing']),
  ok: z.boolean(),
  status: z.number().int().optional().describe('HTTP status of the probe'),
  ms: z.number().nonnegative().optional().describe('duration of the probe'),
  requestId: z.string().optional().describe('x-request-id of the answer, for OpenAI support'),
  skipped: z.boolean().optional().describe('true for billing with --no-spend, or after a failed earlier step'),
});

export const checkResultSchema = z
  .object({
    ok: z.boolean().describe('true only for diagnosis "ok"'),
    diagnosis: diagnosisSchema,
    summary: z.string().min(1).describe('one sentence in plain words'),
    fix: z.string().describe('what to do next, in plain words'),
    fixUrl: z.url({ protocol: /^https$/ }).nullable().optional().describe('the page that fixes it; null when there is none'),
    key: keyDescriptionSchema,
    baseUrl: z.string().optional().describe('the API base URL that was used'),
    checks: z.array(checkStepSchema).describe('the steps that ran, in order'),
    organization: z.string().nullable().optional(),
    project: z.string().nullable().optional(),
    rateLimits: z
      .object({ requests: z.number().optional(), tokens: z.number().optional() })
      .optional()
      .describe('from the billing probe\'s x-ratelimit-limit-* headers'),
    environment: z.array(z.string()).optional().describe('names of environment settings in effect that may explain a failure'),
    warnings: z.array(z.string()).optional().describe('non-fatal remarks of the local analysis (unusual length, admin key, …)'),
    proxy: z.string().optional().describe('the proxy the requests went through (scheme, host, port; never credentials)'),
    exampleModel: z
      .string()
      .optional()
      .describe('a current small chat model from the key\'s own model list (no shutdown_date), else a current fallback; absent when the list was not read'),
    detail: z
      .object({
        status: z.number().int().optional(),
        message: z.string().optional(),
        requestId: z.string().optional(),
        type: z.string().optional(),
        code: z.string().optional(),
        scopes: z.array(z.string()).optional().describe('missing_scopes: the scope strings the error named, e.g. model.request'),
        model: z.string().optional().describe('model_access_denied: the model that was refused'),
        host: z.string().optional().describe('wrong_endpoint: the regional host the key\'s project needs, e.g. us.api.openai.com'),
        server: z.string().optional().describe('the Server header of an answer that did not come from OpenAI'),
      })
      .optional()
      .describe('what the server said, for failures that came with an HTTP answer (redacted)'),
  })
  .refine((r) => r.ok === (r.diagnosis === 'ok'), { message: 'ok is true exactly when the diagnosis is "ok"', path: ['ok'] });

export type CheckResultOutput = z.infer<typeof checkResultSchema>;
