// Shapes shared by the key analysis, the checker, the wizard and the JSON output.
import type { Diagnosis } from './diagnoses.js';

/** Where a key came from; printed so a user knows which definition was used. */
export type KeySourceName =
  | 'none'
  | 'stdin'
  | 'prompt'
  /** The one-time page on 127.0.0.1 (--key-browser). */
  | 'browser'
  | 'env:OPENAI_API_KEY'
  | `file:${string}`
  | 'keychain'
  | `shell:${string}`;

export interface KeyInput {
  /** The raw string as received; analyse() cleans it. Never printed. */
  value: string;
  source: KeySourceName;
}

export type KeyKind = 'project' | 'service_account' | 'admin' | 'user' | 'legacy_project' | 'org' | 'unknown';

export interface KeyDescription {
  source: KeySourceName;
  masked: string;
  kind?: KeyKind;
  provider?: string;
  length?: number;
}

export interface CheckStep {
  name: 'format' | 'auth' | 'billing';
  ok: boolean;
  status?: number;
  ms?: number;
  requestId?: string;
  skipped?: boolean;
}

export interface CheckResult {
  ok: boolean;
  diagnosis: Diagnosis;
  summary: string;
  fix: string;
  fixUrl?: string;
  key: KeyDescription;
  baseUrl: string;
  checks: CheckStep[];
  organization: string | null;
  project: string | null;
  rateLimits?: { requests?: number; tokens?: number };
  /** Environment values that were in effect and may explain a failure (names only, never secrets). */
  environment?: string[];
  /** Non-fatal remarks of the local analysis (unusual length, admin key, …); never the key. */
  warnings?: string[];
  /** Where the request went through, when a proxy applied (scheme, host, port; never credentials). */
  proxy?: string;
  /**
   * A current chat model this key can call, for the example code on the Done screen and `--json`
   * (`exampleModel`): chosen from the key's own `GET /v1/models` answer (no `shutdown_date`), else a
   * current fallback constant. Absent when the model list was not read.
   */
  exampleModel?: string;
  /**
   * For failures that came with an HTTP answer: what the server said (already redacted), and what the
   * classifier read from it once: the scopes a restricted key lacks, the model that was refused, the
   * host a data-residency project needs, the Server header of an answer that was not OpenAI's.
   */
  detail?: {
    status?: number;
    message?: string;
    requestId?: string;
    type?: string;
    code?: string;
    scopes?: string[];
    model?: string;
    host?: string;
    server?: string;
  };
}

export interface CheckOptions {
  /** Skip the billable one-token embedding. */
  noSpend: boolean;
  signal?: AbortSignal;
}

/** The checker steps and commands use; the real one lives in ./check.ts, tests may fake it. */
export interface KeyChecker {
  check(key: KeyInput, opts: CheckOptions): Promise<CheckResult>;
}
