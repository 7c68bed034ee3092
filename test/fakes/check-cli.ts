// Runs the built CLI's `--check-key --json` in a sandbox (CI=true, OPENAI_BASE_URL = the fake) and
// checks what every run must satisfy: one JSON object on stdout, the exit code of its diagnosis, and
// the key nowhere in stdout or stderr.
import { expect } from 'vitest';
import { DIAGNOSES, type Diagnosis } from '../../src/key/diagnoses.js';
import { checkResultSchema } from '../../src/schemas/check-result.js';
import { type CliResult, runCli, type Sandbox, type StdinMode } from '../e2e/modes-harness.js';

export interface CheckRun extends CliResult {
  json: Record<string, unknown> & { diagnosis: Diagnosis; summary: string; fix: string; checks: Array<Record<string, unknown>> };
}

export function assertKeyAbsent(key: string, ...texts: string[]): void {
  if (!key) return;
  const middle = key.length > 24 ? key.slice(8, -4) : key;
  for (const text of texts) {
    expect(text).not.toContain(key);
    expect(text).not.toContain(middle);
    // Any 16-character window of the secret part would already leak too much.
    if (middle.length >= 16) expect(text).not.toContain(middle.slice(0, 16));
  }
}

export async function runCheck(
  box: Sandbox,
  o: { key?: string; via?: 'env' | 'stdin'; args?: string[]; env?: Record<string, string | undefined>; timeoutMs?: number; stdin?: StdinMode } = {},
): Promise<CheckRun> {
  const via = o.via ?? 'env';
  const env = { CI: 'true', ...(o.key !== undefined && via === 'env' ? { OPENAI_API_KEY: o.key } : {}), ...o.env };
  const args = ['--check-key', '--json', ...(via === 'stdin' ? ['--key-stdin'] : []), ...(o.args ?? [])];
  const stdin: StdinMode = o.stdin ?? (via === 'stdin' ? { text: `${o.key ?? ''}\n` } : 'ignore');
  const r = await runCli(args, { box, env, stdin, timeoutMs: o.timeoutMs ?? 15_000 });
  expect(r.timedOut, `timed out; stderr: ${r.stderr}`).toBe(false);
  const lines = r.stdout.trim().split('\n');
  expect(lines, `stdout must be exactly one JSON line; stderr: ${r.stderr}`).toHaveLength(1);
  const json = JSON.parse(lines[0]!) as CheckRun['json'];
  expect(() => checkResultSchema.parse(json)).not.toThrow();
  expect(r.code).toBe(DIAGNOSES[json.diagnosis].exit);
  assertKeyAbsent(o.key ?? '', r.stdout, r.stderr);
  return { ...r, json };
}
