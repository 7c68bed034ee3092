// The entry point: the only file that touches process.exit / exitCode and installs signal handlers.
import { homedir } from 'node:os';
import { main } from './main.js';

const controller = new AbortController();
let interrupted = false;
process.on('SIGINT', () => {
  // First Ctrl-C: abort whatever is running so it can clean up and report "Cancelled".
  // A second one exits at once.
  if (interrupted) process.exit(130);
  interrupted = true;
  controller.abort(new Error('cancelled'));
});

const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  home: homedir(),
  platform: process.platform,
  signal: controller.signal,
});
process.exitCode = code;
// Normally the event loop is empty by now and Node exits with exitCode. If a library left a handle
// open (a paused stdin, a keep-alive socket), do not hang: exit shortly after, output flushed.
setTimeout(() => process.exit(code), 200).unref();
