// Arguments refused before commander sees them (it would echo them back in an "unknown option" line):
// a key typed on the command line (already in the shell history and in `ps`), and `--env-file`, which
// Node.js itself acts on before any of our code runs.
import { UsageError } from './errors.js';
import { containsOpenAIKey, isKeyShaped } from './key/key-shape.js';
import { cmd } from './platform/command-name.js';
import { URLS } from './platform/urls.js';

/** Options whose value is a path or a URL: a folder named "sk-learn-…" is not a key. */
const PATH_OR_URL_OPTIONS = new Set(['--dotenv', '--env-file', '--base-url']);

/** Node reads these anywhere in argv, also after the script name (nodejs/node#54232). */
const NODE_ENV_FILE = /^--env-file(?:-if-exists)?(?:=|$)/;

export function unsafeArgument(argv: string[]): UsageError | undefined {
  if (argv.some(isKeyArgument(argv))) {
    return new UsageError(
      'A key was given on the command line; openai-onboard never accepts one there (it ends up in your shell history and in `ps`).',
      `Pipe it instead: printenv OPENAI_API_KEY | ${cmd('--check-key --key-stdin')}\n` +
        `If others can read this machine's shell history, create a new key and delete this one: ${URLS.apiKeys}`,
    );
  }
  if (argv.some((arg) => NODE_ENV_FILE.test(arg))) {
    return new UsageError(
      '--env-file is not an openai-onboard option: Node.js itself reads --env-file from the command line, even after ' +
        "the script's name, and applies NODE_OPTIONS from that file before openai-onboard starts, so a cloned " +
        "repository's .env could run code (nodejs/node#54232).",
      `Use --dotenv <path> instead, e.g. ${cmd('--check-key --dotenv .env')}\n` +
        'If you did not write that file yourself, look for a NODE_OPTIONS line in it: Node may already have applied it.',
    );
  }
  return undefined;
}

/**
 * Decided by the key analyser's notion of a key (OpenAI's marker or prefix, or a known provider's
 * shape), on each piece of an argument (`--key=…`, `OPENAI_API_KEY=…`, `Bearer …`). The value of a path
 * or URL option is only refused when it carries OpenAI's marker.
 */
function isKeyArgument(argv: string[]) {
  return (arg: string, i: number): boolean => {
    const [name, inline] = splitOption(arg);
    if (inline !== undefined && PATH_OR_URL_OPTIONS.has(name)) return containsOpenAIKey(inline);
    if (i > 0 && PATH_OR_URL_OPTIONS.has(argv[i - 1]!)) return containsOpenAIKey(arg);
    return containsOpenAIKey(arg) || arg.split(/[\s=:,;'"`]+/).some(isKeyShaped);
  };
}

function splitOption(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}
