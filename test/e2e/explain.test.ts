// `openai-onboard explain [code]` on the built CLI: the section of the shipped docs/troubleshooting.md,
// offline, Markdown rendered lightly and wrapped; the list of codes; an unknown code is a usage error.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIAGNOSIS_CODES } from '../../src/key/diagnoses.js';
import { displayWidth } from '../../src/ui/wrap.js';
import { startPty } from '../fakes/pty.js';
import { CLI } from './modes-harness.js';

const home = mkdtempSync(join(tmpdir(), 'onboard-explain-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
// No network at all: a base URL nothing listens on, and no proxy.
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, OPENAI_ONBOARD_CONFIG_DIR: join(home, 'config'), NO_COLOR: '1', LANG: 'C.UTF-8', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' };
const explain = (...args: string[]) => spawnSync(process.execPath, [CLI, 'explain', ...args], { cwd: home, env, encoding: 'utf8', timeout: 15_000 });
const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));

describe('openai-onboard explain', () => {
  it('prints the section of a code: heading, exit code, fix, no Markdown punctuation, 80 columns when piped', () => {
    const r = explain('no_credits');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('no_credits');
    expect(r.stdout).toContain('(exit 5)');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('click "Add payment details"');
    expect(r.stdout).toMatch(/^Fix: /m);
    expect(r.stdout).not.toMatch(/\*\*|`|^## /m);
    expect(r.stdout).not.toContain('## spend_limit_reached'); // one section, not the rest of the page
    expect(r.stdout).not.toContain('spend_limit_reached');
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });

  it('accepts the code as people type it (case, dashes)', () => {
    expect(explain('No-Credits').stdout).toBe(explain('no_credits').stdout);
  });

  it('alone, lists every diagnosis code with its exit code and meaning', () => {
    const r = explain();
    expect(r.status).toBe(0);
    for (const code of DIAGNOSIS_CODES) expect(r.stdout).toMatch(new RegExp(`^  ${code} +\\d+ +\\S`, 'm'));
    expect(r.stdout).toContain('Run: openai-onboard explain <code>');
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });

  it('an unknown code is a usage error (exit 2) that lists the known codes, nothing on stdout', () => {
    const r = explain('no_credit');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"no_credit" is not a diagnosis code');
    for (const code of DIAGNOSIS_CODES) expect(r.stderr).toContain(code);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('--json: one object with the section, or the usage error', () => {
    const ok = explain('tls', '--json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, code: 'tls', exitCode: 7, markdown: expect.stringMatching(/^## tls\n/) });
    const list = JSON.parse(explain('--json').stdout) as { codes: Array<{ code: string }> };
    expect(list.codes.map((c) => c.code)).toEqual([...DIAGNOSIS_CODES]);
    const bad = explain('nope', '--json');
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { kind: 'usage' }, exitCode: 2 });
  });

  it('--help lists explain', () => {
    const r = spawnSync(process.execPath, [CLI, '--help'], { env, encoding: 'utf8' });
    expect(r.stdout).toMatch(/^ {2}explain \[options\] \[code\]/m);
    expect(r.stdout).toContain('$ openai-onboard explain no_credits');
  });
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
describe.skipIf(!hasTmux)('openai-onboard explain in a terminal (needs tmux)', () => {
  it('wraps to a 60-column terminal, with Fix: hanging', async () => {
    const pty = await startPty({ argv: ['node', CLI, 'explain', 'no_credits'], cwd: home, env, width: 60, height: 40 });
    try {
      expect(await pty.exitCode()).toBe(0);
      const screen = await pty.screen(); // wrapped lines joined: a line over 60 is one the terminal cut
      // Only a single unbreakable token (the billing URL, 66 columns) may be wider, alone on its line.
      const wide = screen.split('\n').filter((l) => displayWidth(l) > 60);
      expect(wide).toEqual(['https://platform.openai.com/settings/organization/billing/overview']);
      const lines = screen.split('\n');
      const fix = lines.findIndex((l) => l.startsWith('Fix: open'));
      expect(lines.slice(fix + 1, fix + 4)).toEqual([
        'https://platform.openai.com/settings/organization/billing/overview',
        expect.stringMatching(/^ {5}and click "Add payment details"/),
        expect.stringMatching(/^ {5}\S/),
      ]);
    } finally {
      await pty.close();
    }
  });
});
