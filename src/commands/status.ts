// `openai-onboard status`: where OPENAI_API_KEY is defined on this machine, masked and fingerprinted,
// and which definition wins for a new shell, for Node with dotenv and for the SDK. `--check` also
// checks the winning key. Results on stdout (one JSON object with --json), warnings on stderr.
import { checkResultJson, renderCheckResult } from '../key/report.js';
import { existsSync } from 'node:fs';
import { envFilePath } from '../store/env-file.js';
import { tildify } from '../store/shell-paths.js';
import type { Context } from '../context.js';
import { DIAGNOSES } from '../key/diagnoses.js';
import type { CheckResult, KeyInput } from '../key/types.js';
import { renderStatus } from '../store/status-render.js';
import { buildStatus } from '../store/status-report.js';
import type { StatusReport } from '../store/status-schema.js';
import { type Found, findDefinitions } from '../store/status-sources.js';

export async function runStatus(ctx: Context, opts: { check?: boolean } = {}): Promise<number> {
  const config = await ctx.config.read();
  const found = await findDefinitions(ctx, config);
  const report = await buildStatus(ctx, config, found);
  // A --dotenv path that names nothing would otherwise read as "not defined anywhere".
  if (ctx.options.envFile !== '.env' && !existsSync(envFilePath(ctx))) {
    report.warnings.unshift(`The file given with --dotenv, ${tildify(envFilePath(ctx), ctx.home)}, does not exist.`);
  }
  let exit = 0;
  if (opts.check) {
    const result = await checkWinner(ctx, found, report);
    report.check = result as StatusReport['check'];
    report.ok = result.ok;
    exit = DIAGNOSES[result.diagnosis].exit;
  }
  if (ctx.options.json) {
    ctx.io.out(JSON.stringify({ ...report, ...(report.check ? { check: checkResultJson(report.check as CheckResult) } : {}) }));
  } else {
    ctx.io.out(renderStatus(report, ctx.io, ctx.home));
    if (report.check) {
      ctx.io.out(`\nCheck of the winning key:\n${renderCheckResult(report.check as CheckResult, ctx.io)}`);
    }
  }
  for (const w of report.warnings) ctx.io.err(ctx.io.c.yellow(`Warning: ${w}`));
  return exit;
}

/** The key programs here would use: the environment, then ./.env, then the keychain, then a new shell's. */
function pickKey(found: Found[], report: StatusReport): KeyInput | undefined {
  const byId = (id: string | null) => found.find((f) => f.id === id && f.value);
  const env = found.find((f) => f.kind === 'env' && f.value);
  if (env?.value) return { value: env.value, source: 'env:OPENAI_API_KEY' };
  const dotenv = byId(report.winners.node.definition);
  if (dotenv?.value) return { value: dotenv.value, source: `file:${dotenv.location}` };
  const keychain = found.find((f) => f.kind === 'keychain' && f.value);
  if (keychain?.value) return { value: keychain.value, source: 'keychain' };
  const shell = byId(report.winners.newShell.definition);
  if (shell?.value) return { value: shell.value, source: `shell:${shell.location}` };
  return undefined;
}

async function checkWinner(ctx: Context, found: Found[], report: StatusReport): Promise<CheckResult> {
  const key = pickKey(found, report);
  if (!key) {
    const { missingKeyResult } = await import('../key/check.js');
    return missingKeyResult(ctx.options, ctx.env);
  }
  const spinner = ctx.io.spinner('Checking the winning key with OpenAI…');
  try {
    return await ctx.checker.check(key, { noSpend: !ctx.options.spend, signal: ctx.signal });
  } finally {
    spinner.stop();
  }
}
