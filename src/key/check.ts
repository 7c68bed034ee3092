// The real key checker: local analysis, then both probes at once, then one diagnosis with wording.
// Loaded lazily (src/app.ts): the openai SDK and node:http/https are imported only from here, on first use.
import { diagnosisText, type WordingInput } from '../content/diagnosis-text.js';
import { UsageError } from '../errors.js';
import type { Options } from '../options.js';
import type { Env } from '../platform/environment.js';
import { DEFAULT_BASE_URL } from '../platform/urls.js';
import { displayUrl, redact, registerSecret } from '../ui/redact.js';
import { stripControl, stripControlFields } from '../ui/terminal-text.js';
import { analyseKey, type LocalAnalysis } from './analyse.js';
import { DIAGNOSES, type Diagnosis } from './diagnoses.js';
import { diagnose, type Facts, type Finding } from './diagnose.js';
import { chooseExampleModel } from './example-model.js';
import { createTransport, networkEnvironment, type ProxyInfo } from './http.js';
import type { ProbeOutcome } from './probes.js';
import type { CheckOptions, CheckResult, CheckStep, KeyChecker, KeyInput } from './types.js';

/** Every environment value that shapes the request, decided once and reported in the result. */
export interface RequestSettings {
  baseUrl: string;
  /** '--base-url' or 'OPENAI_BASE_URL' when the default is not used. */
  baseUrlFrom?: string;
  organization: string | null;
  project: string | null;
  environment: string[];
}

export function requestSettings(options: Pick<Options, 'baseUrl'>, env: Env): RequestSettings {
  const fromEnv = env.OPENAI_BASE_URL?.trim() || undefined;
  const baseUrl = (options.baseUrl ?? fromEnv ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new UsageError(`OPENAI_BASE_URL is not an http(s) URL: "${displayUrl(baseUrl)}".`, 'Unset it, or set it to e.g. https://api.openai.com/v1.');
  }
  const used = (name: string) => Boolean(env[name]?.trim());
  const environment = [
    ...(!options.baseUrl && fromEnv ? ['OPENAI_BASE_URL'] : []),
    ...['OPENAI_ORG_ID', 'OPENAI_PROJECT_ID', 'OPENAI_CUSTOM_HEADERS'].filter(used),
    ...networkEnvironment(env),
  ];
  return {
    baseUrl,
    baseUrlFrom: options.baseUrl ? '--base-url' : fromEnv ? 'OPENAI_BASE_URL' : undefined,
    organization: env.OPENAI_ORG_ID?.trim() || null,
    project: env.OPENAI_PROJECT_ID?.trim() || null,
    environment,
  };
}

export function createKeyChecker(deps: { options: Options; env: Env }): KeyChecker {
  return {
    async check(key: KeyInput, opts: CheckOptions): Promise<CheckResult> {
      registerSecret(key.value);
      const analysis = analyseKey(key.value);
      registerSecret(analysis.cleaned);
      const settings = requestSettings(deps.options, deps.env);
      if (!analysis.ok) {
        // A string the analysis rejects is never sent anywhere.
        const finding: Finding = { diagnosis: analysis.diagnosis ?? 'malformed_key', facts: {} };
        return buildResult({ key, analysis, settings, finding, checks: [{ name: 'format', ok: false }], env: deps.env });
      }
      const transport = await createTransport(settings.baseUrl, deps.env);
      let probes: { auth: ProbeOutcome; billing?: ProbeOutcome };
      try {
        const { runProbes } = await import('./probes.js');
        probes = await runProbes({
          apiKey: analysis.cleaned,
          baseURL: settings.baseUrl,
          organization: settings.organization,
          project: settings.project,
          timeout: deps.options.timeout,
          noSpend: opts.noSpend,
          signal: opts.signal,
          fetch: transport.fetch,
        });
      } finally {
        await transport.close();
      }
      const finding = diagnose({
        auth: probes.auth,
        billing: probes.billing,
        proxy: transport.proxy,
        sent: { length: analysis.cleaned.length, last4: analysis.cleaned.slice(-4) },
      });
      const checks: CheckStep[] = [{ name: 'format', ok: true }, toStep(probes.auth)];
      checks.push(probes.billing ? toStep(probes.billing) : { name: 'billing', ok: false, skipped: true });
      return buildResult({ key, analysis, settings, finding, checks, probes, proxy: transport.proxy, env: deps.env, timeoutMs: deps.options.timeout });
    },
  };
}

function toStep(o: ProbeOutcome): CheckStep {
  return { name: o.name, ok: o.ok, ...(o.status ? { status: o.status } : {}), ms: o.ms, ...(o.requestId ? { requestId: o.requestId } : {}) };
}

interface BuildInput {
  key: KeyInput;
  analysis: LocalAnalysis;
  settings: RequestSettings;
  finding: Finding;
  checks: CheckStep[];
  env: Env;
  probes?: { auth: ProbeOutcome; billing?: ProbeOutcome };
  proxy?: ProxyInfo;
  timeoutMs?: number;
}

function buildResult(b: BuildInput): CheckResult {
  const { diagnosis } = b.finding;
  // Everything the server sent is printed (human and JSON) only without control characters.
  const facts = stripControlFields(b.finding.facts);
  const fromServer = (s: string | undefined) => (s === undefined ? undefined : stripControl(s));
  const wording: WordingInput = {
    facts,
    baseUrl: displayUrl(b.settings.baseUrl),
    baseUrlFrom: b.settings.baseUrlFrom,
    orgId: b.settings.organization ?? undefined,
    projectId: b.settings.project ?? undefined,
    proxy: b.proxy,
    extraCaSet: Boolean(b.env.NODE_EXTRA_CA_CERTS),
    customHeadersSet: Boolean(b.env.OPENAI_CUSTOM_HEADERS),
    reason: b.analysis.reason,
    timeoutMs: b.timeoutMs,
  };
  const text = diagnosisText(diagnosis, wording);
  const answered = [b.probes?.billing, b.probes?.auth].filter((o): o is ProbeOutcome => Boolean(o?.ok));
  const rateLimits = answered.find((o) => o.rateLimits)?.rateLimits;
  return {
    ok: diagnosis === 'ok',
    diagnosis,
    summary: redact(text.summary),
    fix: redact(text.fix),
    ...fixUrlOf(diagnosis, facts),
    key: {
      source: b.key.source,
      masked: b.analysis.masked,
      kind: b.analysis.kind,
      provider: b.analysis.provider,
      length: b.analysis.length,
    },
    baseUrl: displayUrl(b.settings.baseUrl),
    checks: b.checks.map((c) => (c.requestId ? { ...c, requestId: stripControl(c.requestId) } : c)),
    organization: fromServer(answered.find((o) => o.organization)?.organization) ?? b.settings.organization,
    project: fromServer(answered.find((o) => o.project)?.project) ?? b.settings.project,
    ...(rateLimits ? { rateLimits } : {}),
    ...(b.settings.environment.length ? { environment: b.settings.environment } : {}),
    ...(b.analysis.warnings.length ? { warnings: b.analysis.warnings } : {}),
    ...(b.proxy ? { proxy: b.proxy.display } : {}),
    ...(b.probes?.auth.models ? { exampleModel: chooseExampleModel(b.probes.auth.models) } : {}),
    ...detailOf(diagnosis, facts),
  };
}

/**
 * The diagnosis's page, except where it would mislead: OpenAI's status page for a gateway's refusal,
 * the data-residency guide for a base URL that is simply wrong.
 */
function fixUrlOf(diagnosis: Diagnosis, f: Facts): Pick<CheckResult, 'fixUrl'> {
  const url = DIAGNOSES[diagnosis].fixUrl;
  if (!url || f.notOpenAI || (diagnosis === 'wrong_endpoint' && f.endpoint !== 'region')) return {};
  return { fixUrl: url };
}

/** What the server said, for failures that came with an HTTP answer; redacted, never the key. */
function detailOf(diagnosis: Diagnosis, f: Facts): Pick<CheckResult, 'detail'> {
  if (diagnosis === 'ok' || f.status === undefined) return {};
  const detail = {
    status: f.status,
    ...(f.type ? { type: f.type } : {}),
    ...(f.code ? { code: f.code } : {}),
    ...(f.message ? { message: redact(f.message) } : {}),
    ...(f.requestId ? { requestId: f.requestId } : {}),
    ...(f.scopes?.length ? { scopes: f.scopes } : {}),
    ...(f.model ? { model: f.model } : {}),
    ...(f.host ? { host: f.host } : {}),
    ...(f.server ? { server: f.server } : {}),
  };
  return { detail };
}

/** The result when no source had a key: exit 3, naming OPENAI_API_KEY and --key-stdin. */
export function missingKeyResult(options: Pick<Options, 'baseUrl'> & { keyStdin?: boolean }, env: Env): CheckResult {
  const settings = requestSettings(options, env);
  const text = diagnosisText('missing_key', { facts: {}, baseUrl: displayUrl(settings.baseUrl) });
  return {
    ok: false,
    diagnosis: 'missing_key',
    // With --key-stdin, stdin is the only source: say that, not the list of places not looked in.
    summary: options.keyStdin ? 'No API key found: standard input (--key-stdin) was empty.' : text.summary,
    fix: text.fix,
    fixUrl: DIAGNOSES.missing_key.fixUrl,
    key: { source: 'none', masked: '' },
    baseUrl: displayUrl(settings.baseUrl),
    checks: [],
    organization: settings.organization,
    project: settings.project,
    ...(settings.environment.length ? { environment: settings.environment } : {}),
  };
}
