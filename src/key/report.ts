// A CheckResult for people (renderCheckResult) and for scripts (checkResultJson). Both come from the
// same object, which never holds the key: only its masked form.
import { DEFAULT_BASE_URL } from '../platform/urls.js';
import type { IO } from '../ui/io.js';
import { describeKind } from './analyse.js';
import { cmd } from '../platform/command-name.js';
import type { CheckResult, CheckStep, KeySourceName } from './types.js';

export function describeSource(source: KeySourceName): string {
  if (source === 'env:OPENAI_API_KEY') return 'the OPENAI_API_KEY environment variable';
  if (source === 'stdin') return 'standard input';
  if (source === 'prompt') return 'what you pasted';
  if (source === 'browser') return 'the key page';
  if (source === 'keychain') return 'the system keychain';
  if (source === 'none') return 'nowhere (no key found)';
  if (source.startsWith('file:')) return `the file ${source.slice(5)}`;
  if (source.startsWith('shell:')) return `the shell profile ${source.slice(6)}`;
  return source;
}

function describeStep(s: CheckStep): string {
  if (s.skipped) return `${s.name} skipped`;
  if (s.name === 'format') return `format ${s.ok ? 'ok' : 'rejected'}`;
  const status = s.status ? String(s.status) : 'no answer';
  const extra = [s.ms !== undefined ? `${s.ms} ms` : undefined, s.requestId].filter(Boolean).join(', ');
  return `${s.name} ${status}${extra ? ` (${extra})` : ''}`;
}

export interface RenderOptions {
  /** --verbose: every developer detail, also for a key that works. */
  verbose?: boolean;
}

/**
 * A person's view. Developer details (organization, project, rate limits, request IDs, the
 * "Environment" list) appear when they can explain a failure or with --verbose; a working key on the
 * defaults gets a few lines (issue 9 §4, "say less"). The base URL and proxy appear whenever they are
 * not the defaults, because a stale one breaks a good key.
 */
export function renderCheckResult(result: CheckResult, io: IO, opts: RenderOptions = {}): string {
  const { c } = io;
  const details = Boolean(opts.verbose) || !result.ok;
  const mark = result.ok ? c.green('✔') : result.diagnosis === 'rate_limited' ? c.yellow('!') : c.red('✖');
  const label = (name: string) => c.dim(`${name}:`.padEnd(14));
  const lines = [`${mark} ${c.bold(result.diagnosis)}  ${result.summary}`];
  if (!result.ok || result.key.source === 'none') lines.push(`  ${label('Fix')}${result.fix}`);
  // The page to open, unless the fix names it already (the no-credit screen showed it three times).
  if (result.fixUrl && !result.ok && !result.fix.includes(result.fixUrl)) lines.push(`  ${label('Open')}${io.link(result.fixUrl)}`);
  if (result.key.source !== 'none') {
    const unrecognised = result.key.kind === 'unknown' && (result.key.provider ?? 'unknown') === 'unknown';
    const kind = unrecognised ? 'not recognised as a key' : describeKind({ kind: result.key.kind, provider: result.key.provider ?? 'unknown' });
    const length = result.key.length !== undefined ? `, ${result.key.length} characters` : '';
    lines.push(`  ${label('Key')}${result.key.masked} (${kind}${length}) from ${describeSource(result.key.source)}`);
  }
  for (const warning of result.warnings ?? []) lines.push(`  ${label('Note')}${c.yellow(warning)}`);
  const setInEnv = (name: string) => Boolean(result.environment?.includes(name));
  if (result.organization && (details || setInEnv('OPENAI_ORG_ID'))) lines.push(`  ${label('Organization')}${result.organization}`);
  if (result.project && (details || setInEnv('OPENAI_PROJECT_ID'))) lines.push(`  ${label('Project')}${result.project}`);
  const fromEnv = setInEnv('OPENAI_BASE_URL') ? ' (from OPENAI_BASE_URL)' : '';
  if (result.baseUrl !== DEFAULT_BASE_URL) lines.push(`  ${label('Base URL')}${result.baseUrl}${fromEnv}`);
  if (result.proxy) lines.push(`  ${label('Proxy')}${result.proxy}`);
  if (details && result.environment?.length) lines.push(`  ${label('Environment')}${result.environment.join(', ')} set`);
  const rl = result.rateLimits;
  if (opts.verbose && rl && (rl.requests !== undefined || rl.tokens !== undefined)) {
    const parts = [rl.requests !== undefined ? `${rl.requests} requests` : '', rl.tokens !== undefined ? `${rl.tokens} tokens` : ''];
    lines.push(`  ${label('Rate limits')}${parts.filter(Boolean).join(', ')} per minute`);
  }
  if (opts.verbose && result.exampleModel) lines.push(`  ${label('Example model')} ${result.exampleModel}`);
  if (details && result.checks.length) lines.push(`  ${label('Checks')}${result.checks.map(describeStep).join(', ')}`);
  if (result.detail?.message && !result.ok) {
    // OpenAI's echo of a key is mostly stars: keep its start and end, which is what tells keys apart.
    const said = result.detail.message.replace(/\*{8,}/g, '****…');
    lines.push(`  ${label('Server said')}${said.length > 240 ? `${said.slice(0, 239)}…` : said}`);
  }
  // The section of docs/troubleshooting.md, in the terminal: a path inside the package helps nobody.
  if (!result.ok) lines.push(`  ${label('Run')}${cmd(`explain ${result.diagnosis}`)}`);
  return lines.join('\n');
}

/** The contract's `--check-key --json` object, fields in the contract's order. */
export function checkResultJson(r: CheckResult): Record<string, unknown> {
  return {
    ok: r.ok,
    diagnosis: r.diagnosis,
    summary: r.summary,
    fix: r.fix,
    fixUrl: r.fixUrl ?? null,
    key: {
      source: r.key.source,
      masked: r.key.masked,
      ...(r.key.kind ? { kind: r.key.kind } : {}),
      ...(r.key.provider ? { provider: r.key.provider } : {}),
      ...(r.key.length !== undefined ? { length: r.key.length } : {}),
    },
    baseUrl: r.baseUrl,
    checks: r.checks,
    organization: r.organization,
    project: r.project,
    ...(r.rateLimits ? { rateLimits: r.rateLimits } : {}),
    ...(r.environment?.length ? { environment: r.environment } : {}),
    ...(r.warnings?.length ? { warnings: r.warnings } : {}),
    ...(r.proxy ? { proxy: r.proxy } : {}),
    ...(r.exampleModel ? { exampleModel: r.exampleModel } : {}),
    ...(r.detail ? { detail: r.detail } : {}),
  };
}
