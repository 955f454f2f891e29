import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';
import { insertFixtures } from '../support/sql-fixtures.js';

describe.each(testModes)('errors on the %s database', (mode) => {
  let t: TestParley;

  beforeAll(async () => {
    t = await startTestParley(mode);
    await insertFixtures(t.db, { agents: 3, customers: 5, calls: 20, seed: 3 });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('masks an unexpected failure as INTERNAL_SERVER_ERROR with an errorId that the log line carries, and no stack', async () => {
    await t.db.execute(sql`alter table customers rename to customers_away`);
    try {
      const res = await t.gql('{ customers(first: 2) { nodes { customerId } } }');
      const error = res.body.errors![0];
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(error.message).not.toMatch(/customers|relation|select/i);
      expect(JSON.stringify(res.body)).not.toMatch(/stack|at .*\.js/);
      const line = t.logs.find((l) => l.includes(error.extensions!.errorId));
      expect(line).toBeDefined();
      expect(JSON.parse(line!)).toMatchObject({ level: 50, errorId: error.extensions!.errorId, err: { message: expect.stringMatching(/customers/) } });
    } finally {
      await t.db.execute(sql`alter table customers_away rename to customers`);
    }
  });

  it('passes GraphQL validation errors through with their own code', async () => {
    const res = await t.gql('{ calls(first: 2) { nodes { noSuchField } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors![0].message).toContain('noSuchField');
  });

  it('rejects a malformed DateTime variable with BAD_USER_INPUT', async () => {
    const res = await t.gql('query($f: DateTime) { calls(filter: { from: $f }) { totalCount } }', { f: 'yesterday' });
    expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors![0].message).toContain('ISO-8601');
  });

  it('rejects offset combined with after, naming offset', async () => {
    const first = await t.gql('{ calls(first: 2) { pageInfo { endCursor } } }');
    const res = await t.gql('query($a: String) { calls(first: 2, after: $a, offset: 4) { totalCount } }', { a: first.body.data!.calls.pageInfo.endCursor });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'offset' });
  });
});
