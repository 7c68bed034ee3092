// zod schemas of everything `--json` prints, for consumers (scripts in TypeScript, tests). Documented
// field by field in docs/json.md. Not imported by the CLI itself: zod stays off the hot path.
import { z } from 'zod';
import { checkResultSchema } from './check-result.js';
import { errorOutputSchema } from './error.js';
import { statusSchema } from '../store/status-schema.js';
import { wizardResultSchema } from './wizard-result.js';

export * from './check-result.js';
export * from './error.js';
export * from './wizard-result.js';
// `status --json`: owned by the storage module, next to the code that builds it.
export { definitionSchema, statusSchema, type StatusReport } from '../store/status-schema.js';

/** Everything `openai-onboard --check-key --json` may print: the check result, or an error object. */
export const checkKeyOutputSchema = z.union([checkResultSchema, errorOutputSchema]);
/** Everything `openai-onboard --json` (the wizard) may print. */
export const wizardOutputSchema = z.union([wizardResultSchema, errorOutputSchema]);
/** Everything `openai-onboard status --json` may print. */
export const statusOutputSchema = z.union([statusSchema, errorOutputSchema]);
