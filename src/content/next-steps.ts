// The "now use it" snippets of the last step. They read OPENAI_API_KEY from the environment: the
// key itself is never printed. One model name, in one place, to keep the examples current.
import { cmd } from '../platform/command-name.js';
export const EXAMPLE_MODEL = 'gpt-4o-mini';

export const SNIPPETS: ReadonlyArray<{ title: string; lines: string[] }> = [
  {
    title: 'Node.js (npm install openai)',
    lines: [
      "import OpenAI from 'openai';",
      'const client = new OpenAI(); // reads OPENAI_API_KEY',
      'const response = await client.responses.create({',
      `  model: '${EXAMPLE_MODEL}',`,
      "  input: 'Say hello',",
      '});',
      'console.log(response.output_text);',
    ],
  },
  {
    title: 'Python (pip install openai)',
    lines: [
      'from openai import OpenAI',
      'client = OpenAI()  # reads OPENAI_API_KEY',
      `response = client.responses.create(model="${EXAMPLE_MODEL}", input="Say hello")`,
      'print(response.output_text)',
    ],
  },
  {
    title: 'curl',
    lines: [
      'curl https://api.openai.com/v1/responses \\',
      '  -H "Authorization: Bearer $OPENAI_API_KEY" \\',
      '  -H "Content-Type: application/json" \\',
      `  -d '{"model": "${EXAMPLE_MODEL}", "input": "Say hello"}'`,
    ],
  },
];

/** How the saved key reaches a program, per target that was written. */
export const LOADING_HINTS = {
  env: 'The key is in .env: Node 20.6+ loads it with `node --env-file=.env app.js`, Python with python-dotenv.',
  shell: 'Open a new terminal (or `source` your profile) so OPENAI_API_KEY is set there.',
  none: 'The key was not saved: set OPENAI_API_KEY in the environment before running these.',
};

export const checkAgain = () => `Check a key any time: ${cmd('--check-key')}`;
