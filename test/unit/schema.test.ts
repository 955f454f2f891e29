import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildParleySchema, printParleySchema } from '../../src/schema.js';

// The public contract lives outside this repository; CI checks the committed
// schema against it (check-contract.mjs, scripts/check-contract-docs.mjs).
describe('the served schema', () => {
  it('is exactly the committed schema.graphql (run `npm run schema:emit` after changing the API)', async () => {
    const emitted = printParleySchema(await buildParleySchema());
    expect(emitted).toBe(readFileSync('schema.graphql', 'utf8'));
  });
});
