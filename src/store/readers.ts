// Small readers for src/key/sources.ts: the key as openai-onboard stored it, from the keychain or
// from its shell-profile block. They return undefined when there is nothing (or it cannot be read)
// and never throw for a missing file or keychain.
import type { Context } from '../context.js';
import type { KeyInput } from '../key/types.js';
import { registerSecret } from '../ui/redact.js';
import { readDotenvKey, envFilePath } from './env-file.js';
import { keychainInfo, keychainRead } from './keychain.js';
import { isKeychainBlock, plainBlockKey } from './shell-block.js';
import { detectShell, profileFiles } from './shell-paths.js';
import { readRegularText } from './safe-file.js';

type Ctx = Pick<Context, 'env' | 'home' | 'platform' | 'cwd' | 'options'>;

/** The key in openai-onboard's keychain entry. */
export async function readKeychainKey(ctx: Ctx): Promise<string | undefined> {
  try {
    const info = await keychainInfo(ctx);
    return info.available && info.backend ? await keychainRead(ctx, info.backend) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The key openai-onboard's block in the user's shell profile sets: the key written in it, or for a
 * keychain block, the key it reads from the keychain.
 */
export async function readShellBlockKey(ctx: Ctx): Promise<{ value: string; file: string } | undefined> {
  for (const file of profileFiles(detectShell(ctx), ctx)) {
    let text: string | undefined;
    try {
      // Non-blocking, regular files only: a FIFO profile must not hang --check-key or status.
      text = await readRegularText(file);
    } catch {
      continue;
    }
    if (!text) continue;
    const plain = plainBlockKey(text);
    if (plain) return { value: plain, file };
    if (isKeychainBlock(text)) {
      const value = await readKeychainKey(ctx);
      if (value) return { value, file };
    }
  }
  return undefined;
}

/** OPENAI_API_KEY as dotenv reads it from --dotenv (default ./.env). */
export async function readEnvFileKey(ctx: Ctx): Promise<{ value: string; file: string } | undefined> {
  const file = envFilePath(ctx);
  try {
    const value = await readDotenvKey(file);
    return value ? { value, file } : undefined;
  } catch {
    return undefined;
  }
}

/** KeySource-shaped (src/key/sources.ts STORED_SOURCES): the keychain entry, source "keychain". */
export async function keychainKeySource(ctx: Ctx): Promise<KeyInput | undefined> {
  const value = await readKeychainKey(ctx);
  if (!value) return undefined;
  registerSecret(value);
  return { value, source: 'keychain' };
}

/** KeySource-shaped: openai-onboard's shell-profile block, source "shell:<profile path>". */
export async function shellBlockKeySource(ctx: Ctx): Promise<KeyInput | undefined> {
  const found = await readShellBlockKey(ctx);
  if (!found) return undefined;
  registerSecret(found.value);
  return { value: found.value, source: `shell:${found.file}` };
}
