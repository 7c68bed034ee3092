// Issue 9 §5: only the SDK's APIError (an answer) and APIConnectionError with a network cause (no
// answer) may become a diagnosis. A bug of ours (a TypeError in the fetch, an SDK resource missing from
// the bundle) must surface as an unexpected error, not as "unknown: OpenAI answered something…" or
// "network", which would send the user to OpenAI support for our mistake.
import * as sdk from 'openai';
import { describe, expect, it } from 'vitest';
import { classifyOutcome } from '../../../src/key/diagnose.js';
import { runProbes, toProbeError } from '../../../src/key/probes.js';
import { fakeKeys } from '../../fakes/fake-keys.js';

const request = (fetch: typeof globalThis.fetch) => ({
  apiKey: fakeKeys.project(11),
  baseURL: 'http://127.0.0.1:9/v1',
  organization: null,
  project: null,
  timeout: 5000,
  noSpend: true,
  fetch,
});

describe('a bug is not a diagnosis', () => {
  it('a transport that throws a TypeError rejects the check with that TypeError', async () => {
    const broken = (async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'get')");
    }) as unknown as typeof fetch;
    await expect(runProbes(request(broken))).rejects.toThrow(TypeError);
  });

  it('an SDK resource missing from the bundle (a TypeError in the SDK call) is thrown on', () => {
    expect(() => toProbeError(sdk, new TypeError('client.models.list is not a function'))).toThrow(TypeError);
  });

  it('a network failure with a system code is still a diagnosis', () => {
    const cause = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const error = toProbeError(sdk, new sdk.APIConnectionError({ cause }));
    expect(classifyOutcome({ name: 'auth', ok: false, ms: 1, error }, undefined).diagnosis).toBe('network');
  });
});
