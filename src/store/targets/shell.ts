// The `shell` target: one marked block in the startup files of the user's shell, holding the key
// as plain text, or (written by the keychain target) a lookup that reads the keychain at shell start.
import { access, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from '../../context.js';
import { keychainInfo } from '../keychain.js';
import { type BlockSource, plainBlockKey, renderBlock } from '../shell-block.js';
import { assertProfilesPrivate, describeExposure, type ProfileExposure, profileExposure } from '../shell-exposure.js';
import { detectShell, fishConfDir, fishVariablesFile, profileFiles, SHELLS, type ShellName, startupFiles, tildify } from '../shell-paths.js';
import { readIfExists, removeBlockFrom, resolveTarget, writeBlock } from '../shell-profile.js';
import { scanFishVariables, scanShellText } from '../shell-scan.js';
import { sha256, shellSees } from '../shell-verify.js';
import { readRegularText } from '../safe-file.js';
import type { Found } from '../status-sources.js';
import type { SaveReport, SaveRun, SaveTarget } from './target.js';

const files = (ctx: Context) => profileFiles(detectShell(ctx), ctx);

export const shellTarget: SaveTarget<'shell'> = {
  id: 'shell',
  subject: 'Shell profiles are',
  // With the keychain also chosen, the keychain target writes the block (a lookup, not the key).
  after: ['keychain'],
  async offer(ctx, peer) {
    const shell = detectShell(ctx);
    const exposure = (await Promise.all(files(ctx).map((f) => profileExposure(f, ctx.env)))).filter((e): e is ProfileExposure => e !== undefined);
    const keychain = await peer('keychain');
    const note = exposure.length ? `; ${exposure[0]!.exposure === 'tracked' ? 'TRACKED by git' : 'inside a git work tree'} in ${tildify(exposure[0]!.repo, ctx.home)}` : '';
    return {
      label: `your ${shell} profile ${files(ctx).map((f) => tildify(f, ctx.home)).join(' and ')} (plain text, every new terminal${note})`,
      available: true,
      // A profile in a git repository is never the default: the key would end up in a commit.
      ...(exposure.length ? { gitExposure: exposure } : { rank: 15 }),
      exposure: [...exposure.map((e) => describeExposure(e, ctx.home)), await plainTextExposure(files(ctx), Boolean(keychain?.available))],
    };
  },
  where: (ctx) => files(ctx).join(', '),
  holder: () => "openai-onboard's block in your shell profile",
  async save(run) {
    if (!run.chosen.has('keychain')) return saveShellBlock(run, { kind: 'plain', key: run.key });
    const kc = run.earlier.get('keychain');
    const location = files(run.ctx).join(', ');
    if (kc && !kc.error) return { target: 'shell', location, verified: kc.verified, notes: ['The profile block reads the key from the keychain; the key itself is not in the file.'] };
    return { target: 'shell', location, verified: false, notes: [], error: 'Not written: the block would read the key from the keychain, which failed. Choose "shell" alone to keep the key in the profile as plain text.' };
  },
  stored: plainBlockKeyOf,
  describe(e) {
    const what = e.variant === 'keychain' ? 'the block that reads the keychain' : `the block with the key (${e.masked})`;
    return `${what} in ${e.location}${e.backup ? `, and its backup ${e.backup}` : ''}`;
  },
  /**
   * The block goes; its backup goes only once the file is back to exactly the backup's bytes. If the
   * file changed since our first edit, the backup may hold the only copy of something: it stays.
   */
  async undo(_ctx, e) {
    const base = { target: e.target, location: e.location };
    const r = await removeBlockFrom(e.location, Boolean(e.created), e.backup);
    const backupExists = e.backup !== undefined && (await access(e.backup).then(() => true, () => false));
    let backupNote = '';
    if (backupExists && (r.matchesBackup || r.deletedFile)) {
      await rm(e.backup!, { force: true });
      backupNote = ' and its backup';
    } else if (backupExists) {
      backupNote = `; kept its backup ${e.backup} because the file changed since openai-onboard first edited it (compare them, then delete the backup)`;
    }
    if (!r.removed) return { ...base, outcome: 'absent', detail: `the block is already gone${backupNote.startsWith(' and') ? '; removed its backup' : backupNote}` };
    if (r.deletedFile) return { ...base, outcome: 'removed', detail: `removed the file${backupNote} (openai-onboard created it)` };
    return { ...base, outcome: 'removed', detail: `removed the openai-onboard block${backupNote}` };
  },
  find: findInShellFiles,
};

/** A key in a shell profile is plain text in a file other users can usually read: say so, with its mode. */
async function plainTextExposure(paths: string[], keychain: boolean): Promise<string> {
  const modes = await Promise.all(paths.map((f) => stat(f).then((st) => st.mode & 0o777, () => undefined)));
  const mode = modes.find((m) => m !== undefined);
  const readable = mode === undefined ? 'usually mode 644, readable by every user of this machine' : mode & 0o044 ? `mode ${mode.toString(8)}, readable by other users of this machine` : `mode ${mode.toString(8)}`;
  const advice = keychain ? ' The keychain keeps it encrypted: prefer it.' : '';
  return `A shell profile holds the key as plain text (${readable}; backups and dotfile repos copy it too).${advice}`;
}

/** Writes the block (the key itself, or a keychain lookup) into every profile file, then asks a real shell. */
export async function saveShellBlock(run: SaveRun, source: BlockSource): Promise<SaveReport> {
  const { ctx } = run;
  const shell = detectShell(ctx);
  const paths = files(ctx);
  const notes: string[] = [];
  const warnings: string[] = [];
  // Only a plain key is a secret; a keychain block holds a lookup command.
  const exposed = source.kind === 'plain' ? await assertProfilesPrivate(ctx, paths, async () => (await keychainInfo(ctx)).available) : [];
  for (const e of exposed) warnings.push(`${describeExposure(e, ctx.home)} Do not commit it; the keychain is the safer place (--save keychain).`);
  for (const file of paths) {
    const w = await writeBlock(file, (eol) => renderBlock(shell, source, eol));
    const earlier = w.changed ? '' : ' (unchanged)';
    notes.push(`${source.kind === 'plain' ? 'Key' : 'Keychain lookup'} written to ${tildify(file, ctx.home)}${earlier}${w.backup ? `; backup: ${tildify(w.backup, ctx.home)}` : ''}.`);
    run.entries.push({ target: 'shell', location: file, shell, variant: source.kind, created: w.created, ...(w.backup ? { backup: w.backup } : {}), ...run.base });
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
  return { target: 'shell', location: paths.join(', '), verified, notes, warnings, ...(error ? { error } : {}) };
}

/** The shell target rewrites openai-onboard's own block only; a key written in it is what it replaces. */
export async function plainBlockKeyOf(ctx: Context): Promise<string | undefined> {
  for (const file of files(ctx)) {
    const text = await readIfExists(await resolveTarget(file)).catch(() => undefined);
    const value = text ? plainBlockKey(text) : undefined;
    if (value) return value;
  }
  return undefined;
}

/** Every startup file of every shell, each file once, with the shells that read it. */
function shellFileList(ctx: Context, confD: string[]): Array<{ path: string; shells: ShellName[] }> {
  const list: Array<{ path: string; shells: ShellName[] }> = [];
  const add = (path: string, shell: ShellName) => {
    const entry = list.find((e) => e.path === path);
    if (entry) entry.shells.push(shell);
    else list.push({ path, shells: [shell] });
  };
  for (const shell of SHELLS) {
    if (shell === 'fish') for (const f of confD) add(f, shell);
    for (const f of startupFiles(shell, ctx)) add(f, shell);
    for (const f of profileFiles(shell, ctx)) add(f, shell);
  }
  return list;
}

/** Every OPENAI_API_KEY assignment in any shell's startup files (and fish universal variables). */
async function findInShellFiles(ctx: Context, _config: unknown, peer: (id: string) => Promise<Found[] | undefined>): Promise<Found[]> {
  const confDir = fishConfDir(ctx);
  const confD = (await readdir(confDir).catch(() => [] as string[])).filter((f) => f.endsWith('.fish')).sort().map((f) => join(confDir, f));
  const read = (path: string) => readRegularText(path).catch(() => undefined);
  const out: Found[] = [];
  let order = 0;
  for (const { path, shells } of shellFileList(ctx, confD)) {
    const text = await read(path);
    if (text === undefined) continue;
    for (const a of scanShellText(text, path)) {
      const where = `${tildify(path, ctx.home)}:${a.line}`;
      const base = { id: `shell:${path}:${a.line}`, kind: 'shell' as const, location: `${path}:${a.line}`, shells, order: order++ };
      if (a.keychainBlock) {
        const value = (await peer('keychain'))?.find((f) => f.value)?.value;
        out.push({ ...base, label: `openai-onboard's block in ${where}`, writtenByOnboard: true, value, holds: 'keychain', note: 'reads the key from the keychain at shell start' });
      } else {
        out.push({
          ...base,
          label: a.ours ? `openai-onboard's block in ${where}` : `a line in ${where}`,
          writtenByOnboard: a.ours,
          value: a.value,
          ...(a.value === undefined ? { note: 'computed at shell start; not evaluated here' } : {}),
        });
      }
    }
  }
  const universal = fishVariablesFile(ctx);
  const text = await read(universal);
  for (const a of text ? scanFishVariables(text) : []) {
    out.push({ id: `shell:${universal}:${a.line}`, kind: 'shell', label: 'a fish universal variable (set -Ux)', location: `${universal}:${a.line}`, writtenByOnboard: false, value: a.value, shells: ['fish'], order: order++ });
  }
  return out;
}
