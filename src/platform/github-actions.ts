// GitHub Actions workflow commands: a failed key check also becomes an `::error::` annotation, shown
// on the run's summary page. Escaping follows the workflow-command rules (the same as @actions/core):
// in the message %, \r and \n are percent-encoded; in properties (title=…) also ':' and ','.
// Where it goes: GitHub documents stdout, but the runner parses stderr the same way (actions/runner,
// ScriptHandler.cs wires both streams to an OutputManager). So without --json the annotation goes
// to stdout as documented, and with --json to stderr, where it cannot spoil the one JSON object.
import type { CheckResult } from '../key/types.js';
import type { IO } from '../ui/io.js';
import { redact } from '../ui/redact.js';
import { type Env, isGitHubActions } from './environment.js';

export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** `::error title=…::message`, one line whatever the input. Redacted as a last line of defence. */
export function annotation(level: 'error' | 'warning', title: string, message: string): string {
  return `::${level} title=${escapeProperty(redact(title))}::${escapeData(redact(message))}`;
}

/**
 * The annotation for a check that did not end ok: the title names the diagnosis, the message is the
 * summary and the fix. rate_limited is a warning: the key works, only the probes were throttled.
 */
export function checkAnnotation(result: Pick<CheckResult, 'diagnosis' | 'summary' | 'fix' | 'fixUrl'>): string {
  const fix = result.fixUrl && !result.fix.includes(result.fixUrl) ? `${result.fix} ${result.fixUrl}` : result.fix;
  const level = result.diagnosis === 'rate_limited' ? 'warning' : 'error';
  return annotation(level, `OpenAI API key: ${result.diagnosis}`, `${result.summary}\n${fix}`);
}

/**
 * Prints the annotation when running in GitHub Actions and the check failed. One call from a command.
 * Returns whether something was printed.
 */
export function annotateCheckFailure(
  deps: { io: Pick<IO, 'out' | 'err'>; env: Env; options: { json: boolean } },
  result: Pick<CheckResult, 'ok' | 'diagnosis' | 'summary' | 'fix' | 'fixUrl'>,
): boolean {
  if (result.ok || result.diagnosis === 'ok' || !isGitHubActions(deps.env)) return false;
  const line = checkAnnotation(result);
  if (deps.options.json) deps.io.err(line);
  else deps.io.out(line);
  return true;
}
