// Saving a checked key to the targets the user chose (.env, shell profile, keychain), reading each
// back the way a consumer would, and recording what was written where (never the key) so that
// `status` and `reset` know. One failing target does not stop the others; its report says why.
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Context } from '../context.js';
import { CancelledError, StorageError } from '../errors.js';
import { fingerprint, maskKey } from '../key/mask.js';
import type { SaveTarget } from '../options.js';
import { redact } from '../ui/redact.js';
import type { SavedEntry } from './config-store.js';
import { assertStorableKey } from './dotenv-edit.js';
import { envFilePath, saveToEnvFile } from './env-file.js';
import { keychainDescription, keychainInfo, keychainRead, keychainStore } from './keychain.js';
import { isProjectDir } from './project.js';
import { type BlockSource, renderBlock } from './shell-block.js';
import { detectShell, profileFiles, tildify } from './shell-paths.js';
import { assertProfilesPrivate, describeExposure, type ProfileExposure, profileExposure } from './shell-exposure.js';
import { writeBlock } from './shell-profile.js';
import { sha256, shellSees } from './shell-verify.js';

export type StoreTarget = Exclude<SaveTarget, 'none'>;

export interface SaveReport {
  target: StoreTarget;
  /** File path, or a keychain description ("Secret Service: openai-onboard/OPENAI_API_KEY"). */
  location: string;
  /** Read back the way a consumer reads it (dotenv parser, a real shell) and it matched. */
  verified: boolean;
  /** Extra lines for the user: ".env added to .gitignore", "open a new terminal", … */
  notes: string[];
  /**
   * Set when this target failed: nothing was written there, or it was written but reading it back
   * did not give the key (then the write is recorded, so `reset` removes it).
   */
  error?: string;
  /** Problems saveKey has already printed to stderr (e.g. ".env is tracked by git"). */
  warnings?: string[];
  /** The masked key this save replaced there (a different key was stored before). */
  replaced?: string;
}

export interface TargetOption {
  target: StoreTarget;
  label: string;
  available: boolean;
  why?: string;
  /** The one to pre-select: .env in a project directory, else the keychain, else the shell profile. */
  recommended?: boolean;
  /**
   * shell: profiles that git would carry into a repository (a dotfiles repo). Ask first, default
   * No, recommend the keychain; `describeExposure` words it. A non-interactive save refuses them without --yes.
   */
  gitExposure?: ProfileExposure[];
  /**
   * Who else could read the key there, said before the user chooses it: "plain text in a 0644 file",
   * "the profile is tracked by git in ~/dotfiles".
   */
  exposure?: string[];
}

/** Which targets are offered, and which is pre-selected, on this machine. */
export async function availableTargets(ctx: Context): Promise<TargetOption[]> {
  const shell = detectShell(ctx);
  // The .env may be the work tree root's (proposedEnvFile): its directory is the project.
  const [keychain, project, exposure] = await Promise.all([keychainInfo(ctx), isProjectDir(dirname(envFilePath(ctx))), exposedProfiles(ctx, shell)]);
  const files = profileFiles(shell, ctx).map((f) => tildify(f, ctx.home)).join(' and ');
  const options: TargetOption[] = [
    { target: 'env', label: `the project file ${tildify(envFilePath(ctx), ctx.home)} (read by dotenv)`, available: true },
    {
      target: 'shell',
      label: `your ${shell} profile ${files} (plain text, every new terminal${exposure.length ? `; ${exposureNote(exposure, ctx.home)}` : ''})`,
      available: true,
      ...(exposure.length ? { gitExposure: exposure } : {}),
      exposure: [
        ...exposure.map((e) => describeExposure(e, ctx.home)),
        await plainTextExposure(profileFiles(shell, ctx), keychain.available),
      ],
    },
    {
      target: 'keychain',
      label: `${keychain.label} (encrypted; ${files} reads it at shell start)`,
      available: keychain.available,
      ...(keychain.why ? { why: keychain.why } : {}),
    },
  ];
  // A profile in a git repository is never the default: the key would end up in a commit.
  const pick = project ? 'env' : keychain.available ? 'keychain' : exposure.length ? 'env' : 'shell';
  for (const o of options) if (o.target === pick) o.recommended = true;
  return options;
}

/** A key in a shell profile is plain text in a file other users can usually read: say so, with its mode. */
async function plainTextExposure(files: string[], keychain: boolean): Promise<string> {
  const modes = await Promise.all(files.map((f) => stat(f).then((st) => st.mode & 0o777, () => undefined)));
  const mode = modes.find((m) => m !== undefined);
  const readable = mode === undefined ? 'usually mode 644, readable by every user of this machine' : mode & 0o044 ? `mode ${mode.toString(8)}, readable by other users of this machine` : `mode ${mode.toString(8)}`;
  const advice = keychain ? ' The keychain keeps it encrypted: prefer it.' : '';
  return `A shell profile holds the key as plain text (${readable}; backups and dotfile repos copy it too).${advice}`;
}

const exposureNote = (exposure: ProfileExposure[], home: string) =>
  `${exposure[0]!.exposure === 'tracked' ? 'TRACKED by git' : 'inside a git work tree'} in ${tildify(exposure[0]!.repo, home)}`;

async function exposedProfiles(ctx: Context, shell: ReturnType<typeof detectShell>): Promise<ProfileExposure[]> {
  const found = await Promise.all(profileFiles(shell, ctx).map((f) => profileExposure(f, ctx.env)));
  return found.filter((e): e is ProfileExposure => e !== undefined);
}

interface Run {
  ctx: Context;
  key: string;
  entries: SavedEntry[];
  base: Pick<SavedEntry, 'masked' | 'fingerprint' | 'savedAt'>;
}

export async function saveKey(ctx: Context, key: string, targets: StoreTarget[]): Promise<SaveReport[]> {
  assertStorableKey(key);
  const run: Run = { ctx, key, entries: [], base: { masked: maskKey(key), fingerprint: fingerprint(key), savedAt: ctx.clock.now().toISOString() } };
  const wanted = new Set(targets);
  const reports: SaveReport[] = [];
  if (wanted.has('env')) reports.push(await attempt('env', envFilePath(ctx), () => saveEnv(run)));
  // The keychain goes before the shell: with both chosen, the profile block reads the keychain.
  let keychainOk = false;
  if (wanted.has('keychain')) {
    const report = await attempt('keychain', 'the system keychain', () => saveKeychain(run));
    keychainOk = !report.error;
    reports.push(report);
  }
  if (wanted.has('shell')) {
    if (!wanted.has('keychain')) reports.push(await attempt('shell', profileFiles(detectShell(ctx), ctx).join(', '), () => saveShell(run, { kind: 'plain', key })));
    else if (keychainOk) {
      const kc = reports.at(-1)!;
      reports.push({ target: 'shell', location: shellFiles(run), verified: kc.verified, notes: ['The profile block reads the key from the keychain; the key itself is not in the file.'] });
    }
    else reports.push({ target: 'shell', location: shellFiles(run), verified: false, notes: [], error: 'Not written: the block would read the key from the keychain, which failed. Choose "shell" alone to keep the key in the profile as plain text.' });
  }
  await record(run);
  for (const r of reports) {
    for (const w of r.warnings ?? []) ctx.io.err(ctx.io.c.yellow(`Warning: ${w}`));
  }
  return reports;
}

const shellFiles = (run: Run) => profileFiles(detectShell(run.ctx), run.ctx).join(', ');

/** The usual file-system refusals, in words a user acts on. */
const FILE_ERRORS: Record<string, string> = {
  EISDIR: 'that path is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  ENOTDIR: 'a part of that path is a file, not a directory',
};

async function attempt(target: StoreTarget, location: string, work: () => Promise<SaveReport>): Promise<SaveReport> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    const message = redact(error instanceof Error ? error.message : String(error));
    const plain = FILE_ERRORS[(error as NodeJS.ErrnoException).code ?? ''];
    return { target, location, verified: false, notes: [], error: error instanceof StorageError ? message : plain ?? `Could not save: ${message}` };
  }
}

async function saveEnv(run: Run): Promise<SaveReport> {
  const w = await saveToEnvFile(run.ctx, run.key);
  run.entries.push({ target: 'env', location: w.path, created: w.created, ...run.base });
  // A key the consumer cannot read back is not saved, whatever the file now holds (reset removes it).
  const error = w.verified ? undefined : 'written, but read back with a dotenv parser the file does not yield this key; check it by hand';
  return { target: 'env', location: w.path, verified: w.verified, notes: w.notes, warnings: w.warnings, ...(error ? { error } : {}) };
}

async function saveKeychain(run: Run): Promise<SaveReport> {
  const info = await keychainInfo(run.ctx);
  if (!info.available || !info.backend) {
    throw new StorageError(`No keychain is available here: ${info.why ?? 'unknown reason'}. Choose "env" or "shell" instead.`);
  }
  await keychainStore(run.ctx, info.backend, run.key);
  const location = keychainDescription(info.backend);
  run.entries.push({ target: 'keychain', location, keychain: info.backend, ...run.base });
  const stored = (await keychainRead(run.ctx, info.backend)) === run.key;
  const shell = await saveShell(run, { kind: 'keychain', backend: info.backend });
  const notes = [`Stored in ${location}.`, ...shell.notes];
  // The key is saved once the keychain returns it; a profile block that does not run is a warning.
  const warnings = [...(shell.error ? [`The profile block was ${shell.error}.`] : []), ...(shell.warnings ?? [])];
  const error = stored ? undefined : `stored, but reading the key back from ${info.label} did not return it`;
  return { target: 'keychain', location, verified: stored && shell.verified, notes, warnings, ...(error ? { error } : {}) };
}

async function saveShell(run: Run, source: BlockSource): Promise<SaveReport> {
  const { ctx } = run;
  const shell = detectShell(ctx);
  const files = profileFiles(shell, ctx);
  const notes: string[] = [];
  const warnings: string[] = [];
  // Only a plain key is a secret; a keychain block holds a lookup command.
  const exposed = source.kind === 'plain' ? await assertProfilesPrivate(ctx, files, async () => (await keychainInfo(ctx)).available) : [];
  for (const e of exposed) warnings.push(`${describeExposure(e, ctx.home)} Do not commit it; the keychain is the safer place (--save keychain).`);
  for (const file of files) {
    const w = await writeBlock(file, (eol) => renderBlock(shell, source, eol));
    const earlier = w.changed ? '' : ' (unchanged)';
    notes.push(`${source.kind === 'plain' ? 'Key' : 'Keychain lookup'} written to ${tildify(file, ctx.home)}${earlier}${w.backup ? `; backup: ${tildify(w.backup, ctx.home)}` : ''}.`);
    run.entries.push({
      target: 'shell',
      location: file,
      shell,
      variant: source.kind,
      created: w.created,
      ...(w.backup ? { backup: w.backup } : {}),
      ...run.base,
    });
  }
  const view = await shellSees(ctx, shell);
  let verified = false;
  // A read-back that does not match is a failed save: the key is in the file, but no terminal gets it.
  let error: string | undefined;
  if (!view.ran) notes.push(`Not verified: ${view.why}.`);
  else if (view.sha256 === sha256(run.key)) verified = true;
  else if (view.sha256 === null) error = `written, but a new ${shell} does not see OPENAI_API_KEY: something in your startup files prevents the block from running`;
  // The shell reports a SHA-256; its first 12 hex digits are the fingerprint shown everywhere.
  else error = `written, but a new ${shell} sees a different key (fingerprint ${view.sha256.slice(0, 12)}): a later line in your startup files overrides the block`;
  if (verified) notes.push('Open a new terminal (or run `exec $SHELL`) for it to take effect.');
  return { target: 'shell', location: files.join(', '), verified, notes, warnings, ...(error ? { error } : {}) };
}

/** Records what was written where, replacing earlier records of the same place. */
async function record(run: Run): Promise<void> {
  if (run.entries.length === 0) return;
  try {
    await run.ctx.config.update((config) => {
      for (const entry of run.entries) {
        const i = config.saved.findIndex((e) => e.target === entry.target && e.location === entry.location);
        const before = i === -1 ? undefined : config.saved[i];
        const merged: SavedEntry = {
          ...entry,
          // The first run's facts stay: we created the file, and the backup holds the state before us.
          created: Boolean(before?.created || entry.created),
          ...(before?.backup ?? entry.backup ? { backup: before?.backup ?? entry.backup } : {}),
        };
        if (i === -1) config.saved.push(merged);
        else config.saved[i] = merged;
      }
    });
  } catch (error) {
    run.ctx.io.err(run.ctx.io.c.yellow(`Warning: could not record the save in the config store (${redact(String(error))}); \`reset\` will not know about it.`));
  }
}
