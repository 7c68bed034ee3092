import { describe, expect, it } from 'vitest';
import { browserCommand, browserPolicy, createBrowserOpener } from '../../src/platform/browser.js';
import { createTestIO } from '../fakes/test-io.js';

const base = { flag: true, interactive: true, env: {}, platform: 'linux' as NodeJS.Platform, osRelease: '6.1.0' };

describe('browserPolicy', () => {
  it('only prints with --no-browser or in non-interactive mode, whatever else is set', () => {
    expect(browserPolicy({ ...base, flag: false, env: { BROWSER: 'firefox', DISPLAY: ':0' } })).toEqual({ enabled: false, reason: '--no-browser' });
    expect(browserPolicy({ ...base, interactive: false, env: { BROWSER: 'firefox' } })).toEqual({ enabled: false, reason: 'non-interactive' });
  });
  it('lets $BROWSER win over SSH and a missing display', () => {
    expect(browserPolicy({ ...base, env: { BROWSER: 'w3m', SSH_CONNECTION: '1 2 3 4' } })).toEqual({ enabled: true, via: 'env-browser' });
  });
  it('prints only over SSH and without a display on Linux', () => {
    expect(browserPolicy({ ...base, env: { SSH_TTY: '/dev/pts/1', DISPLAY: ':0' } })).toEqual({ enabled: false, reason: 'SSH session' });
    expect(browserPolicy({ ...base, env: {} })).toEqual({ enabled: false, reason: 'no display' });
    expect(browserPolicy({ ...base, env: { WAYLAND_DISPLAY: 'wayland-0' } })).toEqual({ enabled: true, via: 'open' });
  });
  it('uses the WSL helpers on WSL, detected by variable or kernel release', () => {
    expect(browserPolicy({ ...base, env: { WSL_DISTRO_NAME: 'Ubuntu' } }).via).toBe('wsl');
    expect(browserPolicy({ ...base, osRelease: '5.15.153.1-microsoft-standard-WSL2' }).via).toBe('wsl');
  });
  it('opens directly on macOS and Windows', () => {
    expect(browserPolicy({ ...base, platform: 'darwin' })).toEqual({ enabled: true, via: 'open' });
    expect(browserPolicy({ ...base, platform: 'win32' })).toEqual({ enabled: true, via: 'open' });
  });
});

describe('createBrowserOpener', () => {
  it('prints the URL even when it does not open anything', async () => {
    const io = createTestIO();
    const outcome = await createBrowserOpener(io, { enabled: false, reason: 'no display' }, {}).open('https://platform.openai.com/', 'API Platform');
    expect(outcome).toBe('printed');
    expect(io.stderrText()).toBe('  API Platform: https://platform.openai.com/\n');
    expect(io.stdoutText()).toBe('');
  });
  it('prints the URL first, then says when the browser could not start', async () => {
    const io = createTestIO();
    const opener = createBrowserOpener(io, { enabled: true, via: 'env-browser' }, { BROWSER: '/nonexistent/browser-xyz' });
    expect(await opener.open('https://platform.openai.com/api-keys', 'API keys')).toBe('printed');
    expect(io.stderrText()).toMatch(/^ {2}API keys: https:\/\/platform\.openai\.com\/api-keys\n.*could not start a browser/);
  });
  it('wraps links in OSC 8 only where the terminal supports it', () => {
    const url = 'https://platform.openai.com/usage';
    expect(createTestIO().link(url)).toBe(url);
    expect(createTestIO({ env: { FORCE_HYPERLINK: '1' } }).link(url)).toBe(`\u001b]8;;${url}\u0007${url}\u001b]8;;\u0007`);
  });
});

describe('browserCommand ($BROWSER entries)', () => {
  const url = 'https://platform.openai.com/api-keys';
  const noFile = () => false;
  it('appends the URL to a plain command and its arguments', () => {
    expect(browserCommand('firefox', url, noFile)).toEqual(['firefox', [url]]);
    expect(browserCommand('firefox --new-tab', url, noFile)).toEqual(['firefox', ['--new-tab', url]]);
  });
  it('puts the URL where %s stands', () => {
    expect(browserCommand('open -a Safari %s', url, noFile)).toEqual(['open', ['-a', 'Safari', url]]);
  });
  it('keeps an executable path with spaces whole', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(browserCommand(chrome, url, (p) => p === chrome)).toEqual([chrome, [url]]);
  });
});

describe('systemOpeners (no $BROWSER)', () => {
  const url = 'https://platform.openai.com/settings/organization/api-keys?a=1&b=2';
  it('uses open on macOS, rundll32 on Windows (no shell: & needs no escaping), xdg-open first elsewhere', async () => {
    const { systemOpeners } = await import('../../src/platform/browser.js');
    expect(systemOpeners('darwin', url)).toEqual([['open', [url]]]);
    expect(systemOpeners('win32', url)).toEqual([['rundll32', ['url.dll,FileProtocolHandler', url]]]);
    expect(systemOpeners('linux', url)[0]).toEqual(['xdg-open', [url]]);
  });
});
