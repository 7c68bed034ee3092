// Debian's chromium, driven by playwright-core (no browser download). .ci/run installs it, so in CI a
// missing browser fails the suite instead of skipping it.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error(`chromium is missing at ${CHROMIUM}: .ci/run installs it`);
if (!hasChromium) console.warn(`browser tests skipped: no chromium at ${CHROMIUM} (.ci/run installs it)`);

/** A headless Chromium that touches no network beyond loopback; extra args e.g. --host-resolver-rules. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', // tests run as root in CI
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}
