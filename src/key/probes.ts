// The two network probes, run concurrently with the real openai SDK: GET /v1/models (free; tells a
// good key from a bad one) and a one-token embedding (billable, about $0.00000002; tells a funded
// account from one without credit). No retries, a short timeout, never streamed.
// The SDK is imported here, and this module is only imported lazily, so --help never loads it.
import { CancelledError } from '../errors.js';

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

type SDK = typeof import('openai');

export async function runProbes(req: ProbeRequest): Promise<{ auth: ProbeOutcome; billing?: ProbeOutcome }> {
  const sdk = await import('openai');
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
  // One client per probe, so each can keep the raw body of its own failed answer: the SDK drops
  // bodies that are JSON without the {"error": …} envelope, and we want to classify those too.
  const baseFetch = req.fetch;
  let rawBody: string | undefined;
  const capturingFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const res = await baseFetch(input, init);
    if (!res.ok) rawBody = await res.clone().text().catch(() => undefined);
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
  try {
    const { response } = await call(client);
    return { name, ok: true, status: response.status, ms: Math.round(performance.now() - started), ...readHeaders(response.headers) };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    if (error instanceof sdk.APIUserAbortError || req.signal?.aborted) throw new CancelledError('Cancelled. The key check was stopped.');
    const e = toProbeError(sdk, error, rawBody);
    return { name, ok: false, status: e.status, ms, requestId: e.requestId, error: e };
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

/** Normalises any error the SDK throws into the fields diagnose() reads. Exported for unit tests. */
export function toProbeError(sdk: SDK, error: unknown, rawBody?: string): ProbeError {
  if (error instanceof sdk.APIConnectionError) {
    return { connection: { timeout: error instanceof sdk.APIConnectionTimeoutError, cause: error.cause, message: error.message } };
  }
  if (error instanceof sdk.APIError && error.status) {
    const fromSdk = pickFields(error.error);
    const fromBody = rawBody === undefined ? {} : parseBody(rawBody);
    const merged = { ...fromBody, ...definedOnly(fromSdk) };
    return { status: error.status, requestId: error.requestID ?? undefined, ...merged };
  }
  return { message: error instanceof Error ? error.message : String(error) };
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
