// The "now use it" snippets of the last step. They read OPENAI_API_KEY from the environment: the key
// itself is never printed. They call Chat Completions, which the two permissions recommended for a
// restricted key ("List models: Read", "Model capabilities: Request") cover. Every line fits in 80
// columns with its indent, so nothing has to be wrapped inside code.
import { cmd } from '../platform/command-name.js';
import { FALLBACK_EXAMPLE_MODEL } from './facts.js';

export interface Snippet {
  title: string;
  lines: string[];
}

/** The model the snippets call: the check's pick from the key's own model list, else the fallback. */
export function exampleModel(fromCheck: string | undefined): { model: string; line: string } {
  if (fromCheck) return { model: fromCheck, line: `They call ${fromCheck}, a current model on your key's model list.` };
  const model = FALLBACK_EXAMPLE_MODEL.value;
  return { model, line: `They call ${model}, a current small model.` };
}

/** `nodeRun`: how to start app.mjs, e.g. with --env-file=.env when the key was saved there. */
export function snippets(model: string, nodeRun: string): Snippet[] {
  return [
    {
      title: 'Node.js (npm install openai)',
      lines: [
        // .mjs: `import` and top-level await work as written on Node 20, with no package.json change.
        `// app.mjs, run with: ${nodeRun}`,
        "import OpenAI from 'openai';",
        'const client = new OpenAI(); // reads OPENAI_API_KEY',
        'const chat = await client.chat.completions.create({',
        `  model: '${model}',`,
        "  messages: [{ role: 'user', content: 'Say hello' }],",
        '});',
        'console.log(chat.choices[0].message.content);',
      ],
    },
    {
      title: 'Python (pip install openai)',
      lines: [
        'from openai import OpenAI',
        'client = OpenAI()  # reads OPENAI_API_KEY',
        'chat = client.chat.completions.create(',
        `    model="${model}",`,
        '    messages=[{"role": "user", "content": "Say hello"}],',
        ')',
        'print(chat.choices[0].message.content)',
      ],
    },
    {
      title: 'curl',
      lines: [
        'curl https://api.openai.com/v1/chat/completions \\',
        '  -H "Authorization: Bearer $OPENAI_API_KEY" \\',
        '  -H "Content-Type: application/json" \\',
        `  -d '{"model": "${model}",`,
        '       "messages": [{"role": "user", "content": "Say hello"}]}\'',
      ],
    },
  ];
}

/** How the saved key reaches a program, per target that was written. */
export const LOADING_HINTS = {
  env: 'The key is in .env: Node reads it with --env-file=.env, Python with python-dotenv.',
  shell: 'Open a new terminal (or `source` your profile) so OPENAI_API_KEY is set there.',
  none: 'The key was not saved: set OPENAI_API_KEY in the environment before running these.',
};

export const checkAgain = () => `Check a key any time: ${cmd('--check-key')}`;
