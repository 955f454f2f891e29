import { readFileSync } from 'node:fs';
import { buildSchema as buildSdl, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildParleySchema, printParleySchema } from '../../src/schema.js';

describe('the served schema', () => {
  it('is exactly the committed schema.graphql (run `npm run schema:emit` after changing the API)', async () => {
    const emitted = printParleySchema(await buildParleySchema());
    expect(emitted).toBe(readFileSync('schema.graphql', 'utf8'));
  });

  it('carries every docstring of the contract, so Sandbox documents itself', async () => {
    const contract = buildSdl(readFileSync(new URL('../../../shared/api/contract.graphql', import.meta.url), 'utf8'));
    const served = await buildParleySchema();
    const missing: string[] = [];
    for (const type of Object.values(contract.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      const mine = served.getType(type.name);
      if (type.description && mine?.description !== type.description) missing.push(type.name);
      if (!('getFields' in type) || !mine || !('getFields' in mine)) continue;
      const myFields = mine.getFields() as Record<string, { description?: string | null; args?: readonly { name: string; description?: string | null }[] }>;
      for (const field of Object.values(type.getFields())) {
        const my = myFields[field.name];
        if (field.description && my?.description !== field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    for (const e of Object.values(contract.getTypeMap())) {
      if (!('getValues' in e) || e.name.startsWith('__')) continue;
      const mine = served.getType(e.name) as typeof e | undefined;
      for (const v of e.getValues()) {
        if (v.description && mine?.getValue(v.name)?.description !== v.description) missing.push(`${e.name}.${v.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('breaks nothing in the contract that the committed schema keeps', () => {
    // The full check (incl. changed defaults) runs in CI: node ../shared/api/check-contract.mjs schema.graphql
    const contract = buildSdl(readFileSync(new URL('../../../shared/api/contract.graphql', import.meta.url), 'utf8'));
    const served = buildSdl(readFileSync('schema.graphql', 'utf8'));
    expect(findBreakingChanges(contract, served).map((c) => c.description)).toEqual([]);
  });
});
