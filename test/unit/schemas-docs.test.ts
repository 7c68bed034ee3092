// docs/json.md and docs/schemas/*.json must say what the code does: every example in docs/json.md is
// validated against the schema it names, and the JSON Schema files are regenerated from the zod
// schemas and compared (UPDATE_SCHEMAS=1 npx vitest run test/unit/schemas-docs.test.ts rewrites them).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as schemas from '../../src/schemas/index.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** The published JSON Schema files, and the zod schema each one is generated from. */
const JSON_SCHEMAS: Record<string, z.ZodType> = {
  'docs/schemas/check-result.schema.json': schemas.checkResultSchema,
  'docs/schemas/wizard-result.schema.json': schemas.wizardResultSchema,
  'docs/schemas/error.schema.json': schemas.errorOutputSchema,
  'docs/schemas/status.schema.json': schemas.statusSchema,
};

function generate(schema: z.ZodType): string {
  // io: 'input' leaves additionalProperties open, so a consumer's validator accepts fields added later.
  return `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
}

describe('docs/schemas/*.schema.json', () => {
  it.each(Object.entries(JSON_SCHEMAS))('%s is generated from the zod schema', (path, schema) => {
    const fresh = generate(schema);
    if (process.env.UPDATE_SCHEMAS) writeFileSync(new URL(path, root), fresh);
    expect(read(path)).toBe(fresh);
  });
});

describe('docs/json.md examples', () => {
  const text = read('docs/json.md');
  // An example is a ```json block right after a marker comment: <!-- example: checkResultSchema -->
  const examples = [...text.matchAll(/<!-- example: (\w+) -->\s*```json\n([\s\S]*?)```/g)].map((m) => ({ name: m[1]!, json: m[2]! }));

  it('has examples for every output', () => {
    const named = new Set(examples.map((e) => e.name));
    for (const name of ['checkResultSchema', 'wizardResultSchema', 'errorOutputSchema', 'statusSchema']) expect(named).toContain(name);
  });
  it.each(examples.map((e, i) => [`${i + 1}: ${e.name}`, e] as const))('example %s is valid', (_label, example) => {
    const schema = (schemas as unknown as Record<string, z.ZodType>)[example.name];
    expect(schema, `no schema named ${example.name}`).toBeDefined();
    const value = JSON.parse(example.json) as unknown;
    const result = schema!.safeParse(value);
    expect(result.success, result.error?.message).toBe(true);
    // Nothing in an example is silently dropped as unknown.
    expect(result.data).toEqual(value);
  });
});
