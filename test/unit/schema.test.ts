import { readFileSync } from 'node:fs';
import { buildSchema as buildSdl, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildParleySchema, printParleySchema } from '../../src/schema.js';

describe('the served schema', () => {
  it('is exactly the committed schema.graphql (run `npm run schema:emit` after changing the API)', async () => {
    const emitted = printParleySchema(await buildParleySchema());
    expect(emitted).toBe(readFileSync('schema.graphql', 'utf8'));
  });

  it('carries the contract docstrings that Sandbox shows', async () => {
    const schema = await buildParleySchema();
    expect(schema.getQueryType()!.getFields().call.description).toBe('One call by its business id, or null when there is none.');
    expect(schema.getType('Utterance')!.description).toMatch(/^One speaker turn/);
  });

  it('breaks nothing in the contract that the committed schema keeps', () => {
    // The full check (incl. changed defaults) runs in CI: node ../shared/api/check-contract.mjs schema.graphql
    const contract = buildSdl(readFileSync(new URL('../../../shared/api/contract.graphql', import.meta.url), 'utf8'));
    const served = buildSdl(readFileSync('schema.graphql', 'utf8'));
    expect(findBreakingChanges(contract, served).map((c) => c.description)).toEqual([]);
  });
});
