import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { runCli, sandbox } from '../e2e/modes-harness.js';
it('prints', async () => {
  const fake = await startFakeOpenAI();
  const box = sandbox(fake.url);
  const r = await runCli([], { box, env: { OPENAI_API_KEY: fakeKeys.project(3) } });
  writeFileSync('/tmp/wizard-out.txt', r.stderr + '\n---STDOUT---\n' + r.stdout);
  await fake.close();
});
