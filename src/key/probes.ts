// The two network probes, run concurrently with the real openai SDK: GET /v1/models (free; tells a
// good key from a bad one) and a one-token embedding (billable, about $0.00000002; tells a funded
// account from one without credit). No retries, a short timeout, never streamed.
// The SDK is imported here, and this module is only imported lazily, so --help never loads it.
import { CancelledError } from '../errors.js';
import { bodyKind, hasApiShape, hasErrorEnvelope, hasOpenAIHeaders, type BodyKind } from './answer-shape.js';
import { modelsOf, type ListedModel } from './example-model.js';
import { programmingError, tooLargeAnswer } from './net-errors.js';

export type ProbeName = 'auth' | 'billing';

/** An HTTP or connection failure, normalised from the SDK's error classes. */
export interface ProbeError {
  /** HTTP status; undefined when no answer came. */
  status?: number;
  type?: string;
  code?: string;
  param?: string;
  message?: string;
  requestId?: string;
  /** The raw body when it was not an OpenAI error envelope (an HTML gateway page, plain text, …). */
  text?: string;
  /** Set when no HTTP answer came: the cause chain of the failure. */
  connection?: { timeout: boolean; cause?: unknown; message?: string };
  /** The answer had OpenAI's error envelope or its headers (x-request-id, openai-version). */
  fromOpenAI?: boolean;
  /** The Server header, to say what answered when it was not OpenAI. */
  server?: string;
  /** A 2xx whose body is not what the API returns for this probe, and what it was instead. */
  wrongShape?: BodyKind;
  /** The answer was larger than node-fetch.ts accepts (a gzip bomb, a page that never ends). */
  tooLarge?: boolean;
}

export interface ProbeOutcome {
  name: ProbeName;
  ok: boolean;
  status?: number;
  ms: number;
  requestId?: string;
  /** Response headers worth reporting. */
  organization?: string;
  project?: string;
  rateLimits?: { requests?: number; tokens?: number };
  /** The auth probe's model list (ids and shutdown dates), for the example model. */
  models?: ListedModel[];
  error?: ProbeError;
}

export interface ProbeRequest {
  apiKey: string;
  baseURL: string;
  organization: string | null;
  project: string | null;
  timeout: number;
  noSpend: boolean;
  signal?: AbortSignal;
  /** From createTransport (http.ts): our node:http fetch, through the proxy when one applies. */
  fetch: typeof fetch;
}

export const BILLING_MODEL = 'text-embedding-3-small';

type SDK = typeof import('./sdk.js');

export async function runProbes(req: ProbeRequest): Promise<{ auth: ProbeOutcome; billing?: ProbeOutcome }> {
  const sdk = await import('./sdk.js');
  const options = req.signal ? { signal: req.signal } : {};
  const auth = probe(sdk, req, 'auth', (c) => c.models.list(options).withResponse());
  const billing = req.noSpend
    ? undefined
    : probe(sdk, req, 'billing', (c) =>
        c.embeddings.create({ model: BILLING_MODEL, input: 'hi', encoding_format: 'float' }, options).withResponse(),
      );
  // Both are in flight at once: the check costs one round trip, not two.
  const [a, b] = await Promise.all([auth, billing]);
  return b ? { auth: a, billing: b } : { auth: a };
}

async function probe(
  sdk: SDK,
  req: ProbeRequest,
  name: ProbeName,
  call: (client: InstanceType<SDK['OpenAI']>) => Promise<{ response: Response }>,
): Promise<ProbeOutcome> {
  // One client per probe, so each keeps the raw body of its own answer: the SDK drops bodies that
  // are JSON without the {"error": …} envelope, and a 2xx must be checked for the API's shape before
  // it counts (the SDK accepts an HTML page or "{}" as a model list).
  const baseFetch = req.fetch;
  let answer: { status: number; text?: string; server?: string; openAIHeaders: boolean } | undefined;
  const capturingFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const res = await baseFetch(input, init);
    const text = await res.clone().text().catch(() => undefined);
    answer = { status: res.status, text, server: res.headers.get('server') ?? undefined, openAIHeaders: hasOpenAIHeaders(res.headers) };
    return res;
  }) as typeof fetch;
  const client = new sdk.OpenAI({
    apiKey: req.apiKey,
    baseURL: req.baseURL,
    // Explicit nulls: the SDK would otherwise read OPENAI_ORG_ID / OPENAI_PROJECT_ID / OPENAI_ADMIN_KEY
    // behind our back; the checker decides and reports these.
    organization: req.organization,
    project: req.project,
    adminAPIKey: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: req.timeout,
    logLevel: 'off',
    fetch: capturingFetch,
  });
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // A 2xx without the API's shape is a failure of its own (wrong_endpoint), whether the SDK choked
  // on the body or swallowed it.
  const wrongShape = (): ProbeOutcome | undefined => {
    if (!answer || answer.status < 200 || answer.status > 299 || hasApiShape(name, answer.text)) return undefined;
    const e: ProbeError = {
      status: answer.status,
      wrongShape: bodyKind(answer.text),
      fromOpenAI: answer.openAIHeaders,
      ...(answer.server ? { server: answer.server } : {}),
      ...(answer.text?.trim() ? { text: answer.text.slice(0, 2000) } : {}),
    };
    return { name, ok: false, status: answer.status, ms: elapsed(), error: e };
  };
  try {
    const { response } = await call(client);
    const failed = wrongShape();
    if (failed) return failed;
    const models = name === 'auth' ? { models: modelsOf(answer?.text) } : {};
    return { name, ok: true, status: response.status, ms: elapsed(), ...readHeaders(response.headers), ...models };
  } catch (error) {
    if (error instanceof sdk.APIUserAbortError || req.signal?.aborted) throw new CancelledError('Cancelled. The key check was stopped.');
    const failed = wrongShape();
    if (failed) return failed;
    const e = toProbeError(sdk, error, answer?.text);
    return { name, ok: false, status: e.status, ms: elapsed(), requestId: e.requestId, error: e };
  }
}

function readHeaders(h: Headers): Pick<ProbeOutcome, 'requestId' | 'organization' | 'project' | 'rateLimits'> {
  const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
  const requests = num(h.get('x-ratelimit-limit-requests'));
  const tokens = num(h.get('x-ratelimit-limit-tokens'));
  return {
    requestId: h.get('x-request-id') ?? undefined,
    organization: h.get('openai-organization') ?? undefined,
    project: h.get('openai-project') ?? undefined,
    rateLimits: requests !== undefined || tokens !== undefined ? { requests, tokens } : undefined,
  };
}

/**
 * Normalises what the SDK throws into the fields diagnose() reads. Only the SDK's APIError (an HTTP
 * answer) and APIConnectionError (no answer) become a ProbeError; anything else is a bug in this tool
 * (a TypeError in our fetch, an SDK resource missing from the bundle) and is thrown on, so the user
 * sees "Unexpected error … please report it" (exit 1) instead of a diagnosis that blames the key.
 * Exported for unit tests.
 */
export function toProbeError(sdk: SDK, error: unknown, rawBody?: string): ProbeError {
  if (error instanceof sdk.APIConnectionError) {
    const timeout = error instanceof sdk.APIConnectionTimeoutError;
    const large = tooLargeAnswer(error.cause);
    if (large) return { status: large.status, tooLarge: true, ...(large.server ? { server: large.server } : {}) };
    const bug = timeout ? undefined : programmingError(error.cause);
    if (bug) throw bug;
    return { connection: { timeout, cause: error.cause, message: error.message } };
  }
  if (error instanceof sdk.APIError && error.status) {
    const fromSdk = pickFields(error.error);
    const fromBody = rawBody === undefined ? {} : parseBody(rawBody);
    const merged = { ...fromBody, ...definedOnly(fromSdk) };
    const server = error.headers?.get('server') ?? undefined;
    return {
      status: error.status,
      requestId: error.requestID ?? undefined,
      ...merged,
      fromOpenAI: hasErrorEnvelope(rawBody, error.error) || hasOpenAIHeaders(error.headers),
      ...(server ? { server } : {}),
    };
  }
  throw error;
}

function pickFields(obj: unknown): Partial<ProbeError> {
  if (!obj || typeof obj !== 'object') return {};
  const o = obj as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const message = typeof o.message === 'string' ? o.message : o.message !== undefined ? JSON.stringify(o.message) : undefined;
  return { message, type: str(o.type), code: str(o.code) ?? (typeof o.code === 'number' ? String(o.code) : undefined), param: str(o.param) };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** An answer body: the OpenAI envelope, a bare {message,type,code} object, or text (HTML, plain). */
export function parseBody(text: string): Partial<ProbeError> {
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === 'object') {
      const o = json as Record<string, unknown>;
      if (o.error && typeof o.error === 'object') return pickFields(o.error);
      if (typeof o.error === 'string') return { message: o.error };
      return pickFields(o);
    }
  } catch {
    // not JSON: keep the text below
  }
  return text.trim() ? { text } : {};
}
