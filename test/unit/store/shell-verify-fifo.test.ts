// A startup file that is a FIFO makes `bash -ic` block reading it until our 10 s timeout (status and
// the save's read-back both start a shell). The shell is not started at all then, and the reason says why.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shellSees } from '../../../src/store/shell-verify.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('shellSees', () => {
  it('does not start bash when ~/.bashrc is a FIFO, and says why', async () => {
    const home = mkdtempSync(join(tmpdir(), 'onboard-fifo-'));
    dirs.push(home);
    expect(spawnSync('mkfifo', [join(home, '.bashrc')]).status).toBe(0);
    const view = await shellSees({ env: { PATH: process.env.PATH ?? '' }, home, platform: 'linux' }, 'bash');
    expect(view).toEqual({ ran: false, why: '~/.bashrc is not a regular file, so bash was not started to read it' });
  });
});
