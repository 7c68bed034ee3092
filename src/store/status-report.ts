// Turns the definitions found on this machine into the status report: which definition wins for a
// new shell, for Node with dotenv and for the OpenAI SDK, whether they agree, and what to warn about.
import type { Context } from '../context.js';
import { fingerprint, maskKey } from '../key/mask.js';
import type { ShellName } from '../options.js';
import type { Config } from './config-store.js';
import { envFilePath } from './env-file.js';
import { detectShell } from './shell-paths.js';
import { sha256, shellSees } from './shell-verify.js';
import type { Found } from './status-sources.js';
import type { StatusDefinition, StatusReport } from './status-schema.js';

type Winner = StatusReport['winners']['node'];

const none = (explanation: string): Winner => ({ definition: null, masked: null, fingerprint: null, explanation });
const winnerOf = (f: Found, explanation: string): Winner => ({
  definition: f.id,
  masked: f.value ? maskKey(f.value) : null,
  fingerprint: f.value ? fingerprint(f.value) : null,
  explanation,
});

export async function buildStatus(ctx: Context, config: Config, found: Found[]): Promise<StatusReport> {
  const env = found.find((f) => f.kind === 'env');
  const dotenvHere = found.find((f) => f.kind === 'dotenv' && f.location === envFilePath(ctx));
  const node = env
    ? winnerOf(env, 'OPENAI_API_KEY is set in the environment, and dotenv never overrides it.')
    : dotenvHere
      ? winnerOf(
          dotenvHere,
          ctx.options.envFile === '.env'
            ? 'dotenv loads ./.env because the environment does not set OPENAI_API_KEY.'
            : 'dotenv loads this file when your code points it there (by default it reads ./.env), and the environment does not set OPENAI_API_KEY.',
        )
      : none('Neither the environment nor ./.env defines OPENAI_API_KEY.');
  const sdk = env
    ? winnerOf(env, 'The SDK reads process.env.OPENAI_API_KEY.')
    : none('The SDK reads only process.env.OPENAI_API_KEY, which is not set here (it does not read .env by itself).');
  const shell = detectShell(ctx);
  const newShell = await newShellWinner(ctx, shell, found);

  const latest = [...config.saved].sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
  const referenceDef = found.find((f) => f.id === node.definition) ?? found.find((f) => f.value);
  const reference = latest
    ? { fingerprint: latest.fingerprint, masked: latest.masked, why: `the key openai-onboard saved last (${latest.savedAt})` }
    : referenceDef?.value
      ? { fingerprint: fingerprint(referenceDef.value), masked: maskKey(referenceDef.value), why: `the key of ${referenceDef.label}` }
      : null;

  const definitions: StatusDefinition[] = found.map((f) => ({
    id: f.id,
    kind: f.kind,
    label: f.label,
    location: f.location,
    masked: f.value ? maskKey(f.value) : null,
    fingerprint: f.value ? fingerprint(f.value) : null,
    agrees: f.value && reference ? fingerprint(f.value) === reference.fingerprint : null,
    writtenByOnboard: f.writtenByOnboard,
    ...(f.note ? { note: f.note } : {}),
  }));
  const distinct = new Set(definitions.map((d) => d.fingerprint).filter(Boolean));
  return {
    ok: true,
    definitions,
    consistent: distinct.size <= 1,
    unreadable: found.filter((f) => f.unreadable).map((f) => f.id),
    reference,
    winners: { newShell: { ...newShell, shell }, node, sdk },
    saved: config.saved.map(({ target, location, masked, fingerprint: fp, savedAt }) => ({ target, location, masked, fingerprint: fp, savedAt })),
    warnings: warnings(env, dotenvHere, latest, newShell, distinct.size),
  };
}

async function newShellWinner(ctx: Context, shell: ShellName, found: Found[]): Promise<Winner & { method: 'started' | 'files' }> {
  const candidates = found.filter((f) => f.kind === 'shell' && f.shells?.includes(shell));
  const view = await shellSees(ctx, shell);
  if (view.ran) {
    if (view.sha256 === null) return { ...none(`A new ${shell} does not set OPENAI_API_KEY.`), method: 'started' };
    const match = [...candidates].reverse().find((f) => f.value !== undefined && sha256(f.value) === view.sha256) ?? found.find((f) => f.value !== undefined && f.kind !== 'env' && sha256(f.value) === view.sha256);
    if (match) return { ...winnerOf(match, `A new ${shell} was started and sees this key.`), method: 'started' };
    // Defined somewhere we do not scan (a sourced file, /etc): show its fingerprint only.
    return { definition: null, masked: null, fingerprint: view.sha256.slice(0, 12), explanation: `A new ${shell} sees a key defined in a file not listed here (a sourced file?).`, method: 'started' };
  }
  // The shell cannot be started here: the last definition in its startup files wins.
  const last = candidates.at(-1);
  if (!last) return { ...none(`No startup file of ${shell} defines OPENAI_API_KEY (${view.why}, so read from its files).`), method: 'files' };
  return { ...winnerOf(last, `The last definition in ${shell}'s startup files (${view.why}, so read from its files).`), method: 'files' };
}

function warnings(env: Found | undefined, dotenv: Found | undefined, latest: Config['saved'][number] | undefined, shell: Winner, distinct: number): string[] {
  const out: string[] = [];
  if (env && env.value === '') {
    out.push('OPENAI_API_KEY is set but empty in this environment: dotenv will not fill it from .env, and the SDK will fail. Run `unset OPENAI_API_KEY`.');
  }
  if (env?.value && latest && fingerprint(env.value) !== latest.fingerprint) {
    out.push(
      `This terminal's environment has a different key (${maskKey(env.value)}, fingerprint ${fingerprint(env.value)}) than the one openai-onboard saved on ${latest.savedAt} (${latest.masked}, ${latest.fingerprint}); ` +
        'the environment wins in programs started from here. Open a new terminal, or run `unset OPENAI_API_KEY`.',
    );
  } else if (env?.value && dotenv?.value && env.value !== dotenv.value) {
    out.push(`The environment's OPENAI_API_KEY differs from the one in ${dotenv.location}; dotenv keeps the environment's, so the file's key is ignored.`);
  }
  if (latest && shell.fingerprint && shell.fingerprint !== latest.fingerprint) {
    out.push(`A new terminal gets a different key (fingerprint ${shell.fingerprint}) than the one openai-onboard saved last (${latest.fingerprint}).`);
  }
  if (distinct > 1) out.push(`${distinct} different keys are defined on this machine; which one a program uses depends on how it starts.`);
  return out;
}
