// The built CLI's `reset`: after a non-interactive save, `reset --yes --non-interactive` removes what
// was written and nothing else; without --yes it refuses (exit 2) and names the flag.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeKeys } from '../fakes/fake-keys.js';
import { runCli, useFakeMachine } from './modes-harness.js';

const key = fakeKeys.project(81);
const machine = useFakeMachine();
const { sandbox } = machine;

describe('reset (built CLI)', () => {
  it('--yes --non-interactive undoes a save; without --yes it is a usage error', async () => {
    const box = sandbox();
    writeFileSync(join(box.cwd, '.env'), 'PORT=3000\n');
    writeFileSync(join(box.home, '.bashrc'), 'alias l=ls\n');
    const saved = await runCli(['--non-interactive', '--key-stdin', '--save', 'env,shell'], { box, stdin: { text: key }, timeoutMs: 20_000 });
    expect(saved.code, saved.stderr).toBe(0);
    expect(readFileSync(join(box.cwd, '.env'), 'utf8')).toContain('OPENAI_API_KEY=');

    const refused = await runCli(['reset', '--non-interactive'], { box });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(readFileSync(join(box.cwd, '.env'), 'utf8')).toContain('OPENAI_API_KEY=');

    const r = await runCli(['reset', '--yes', '--non-interactive'], { box });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(box.cwd, '.env'), 'utf8')).toBe('PORT=3000\n');
    expect(readFileSync(join(box.home, '.bashrc'), 'utf8')).toBe('alias l=ls\n');
    expect(existsSync(join(box.configDir, 'config.json'))).toBe(false);
    expect(r.stderr).toContain('https://platform.openai.com/settings/organization/api-keys');
    expect(r.stderr).toMatch(/does not revoke/);
    expect(r.stdout + r.stderr).not.toContain(key);
  });
});
