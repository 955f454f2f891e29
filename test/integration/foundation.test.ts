import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { type GraphQLResponse, startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';
import { insertFixtures } from '../support/sql-fixtures.js';

const PAGE_QUERY = /* GraphQL */ `
  query Page($first: Int, $after: String, $filter: CallFilter, $orderBy: CallOrder) {
    calls(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { callId startTime customerSentimentScore agent { agentId name stats { totalCalls avgSentiment } } customer { customerId name } } }
    }
  }`;

describe.each(testModes)('the foundation on the %s database', (mode) => {
  let t: TestParley;

  beforeAll(async () => {
    t = await startTestParley(mode);
    await insertFixtures(t.db, { agents: 6, customers: 40, calls: 400, seed: 7 });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers /health and reports the database and cache ready on /ready', async () => {
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${t.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'up', cache: 'up', cacheKind: mode === 'postgres' ? 'redis' : 'memory' });
  });

  it('re-applies the migrations as a no-op', async () => {
    const again = await migrate(t.db);
    expect(again.applied).toEqual([]);
    expect(again.total).toBeGreaterThanOrEqual(3);
  });

  it('returns one call by callId with its agent and customer, and null for an unknown id', async () => {
    const [expected] = await queryRows<{ agent_id: string; customer_id: string; name: string }>(
      t.db,
      sql`select c.agent_id, c.customer_id, a.name from calls c join agents a using (agent_id) where call_id = 'CALL-000042'`,
    );
    const res = await t.gql(`{ call(callId: "CALL-000042") { callId agent { agentId name } customer { customerId } transcript }
                               missing: call(callId: "NOPE") { callId } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.call).toMatchObject({
      callId: 'CALL-000042',
      agent: { agentId: expected.agent_id, name: expected.name },
      customer: { customerId: expected.customer_id },
    });
    expect(res.body.data!.call.transcript).toContain('call number 42');
    expect(res.body.data!.missing).toBeNull();
  });

  it('pages through all calls newest first, in the same order as SQL, with a correct totalCount', async () => {
    const expected = (await queryRows<{ call_id: string }>(t.db, sql`select call_id from calls order by start_time desc, call_id desc`)).map((r) => r.call_id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const res: GraphQLResponse = await t.gql(PAGE_QUERY, { first: 50, after });
      expect(res.body.errors).toBeUndefined();
      const conn = res.body.data!.calls;
      expect(conn.totalCount).toBe(400);
      seen.push(...conn.edges.map((e: any) => e.node.callId));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('costs the same small number of SQL statements for 10 or 100 calls with agent, customer and agent stats', async () => {
    const counts: number[] = [];
    for (const first of [10, 50, 100]) {
      const res = await t.gql(PAGE_QUERY, { first });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.calls.edges).toHaveLength(first);
      counts.push(res.body.extensions!.sql.statements);
    }
    // page (joined with agents and customers) + totalCount + one batched stats query
    expect(counts).toEqual([3, 3, 3]);
  });

  it("reads one call's detail page (transcript, utterances, insights, nudges, agent, customer) in one statement, matching SQL", async () => {
    const [row] = await queryRows<{ call_id: string; transcript: string; utterances: any[]; insights: any; coaching_nudges: any[]; agent_id: string }>(
      t.db,
      sql`select call_id, transcript, utterances, insights, coaching_nudges, agent_id from calls order by call_id limit 1 offset 7`,
    );
    const detail = `query($c: ID!) { call(callId: $c) { callId transcript utterances { index text } insights { topics } coachingNudges { text }
      agent { agentId } customer { customerId } } }`;
    const res = await t.gql(detail, { c: row.call_id });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.extensions!.sql.statements).toBe(1);
    const call = res.body.data!.call;
    expect(call).toMatchObject({ callId: row.call_id, transcript: row.transcript, agent: { agentId: row.agent_id } });
    expect(call.utterances.map((u: any) => u.text)).toEqual(row.utterances.map((u: any) => u.text));
    expect(call.insights.topics).toEqual(row.insights.topics);
    expect(call.coachingNudges.map((n: any) => n.text)).toEqual(row.coaching_nudges.map((n: any) => n.text));
    // Fewer fields, fewer columns, still one statement; two aliased calls with the same selection share it.
    const two = await t.gql(`query($c: ID!) { a: call(callId: $c) { transcript } b: call(callId: "nope") { transcript } }`, { c: row.call_id });
    expect(two.body.data).toEqual({ a: { transcript: row.transcript }, b: null });
    expect(two.body.extensions!.sql.statements).toBe(1);
  });

  it('lists agents with their latest calls and stats in a constant number of statements, matching SQL', async () => {
    const query = `{ agents(first: 10) { totalCount nodes { agentId
        stats { totalCalls avgSentiment lastCallAt }
        calls(first: 3, filter: { minSentiment: 0 }) { totalCount nodes { callId customerSentimentScore customer { customerId } } } } } }`;
    const res = await t.gql(query);
    expect(res.body.errors).toBeUndefined();
    // agents page + agents count + nested call pages + their counts + stats, whatever the number of agents
    expect(res.body.extensions!.sql.statements).toBe(5);
    const agents = res.body.data!.agents;
    expect(agents.totalCount).toBe(6);
    for (const agent of agents.nodes) {
      const expected = await queryRows<{ call_id: string }>(
        t.db,
        sql`select call_id from calls where agent_id = ${agent.agentId} and customer_sentiment_score >= 0 order by start_time desc, call_id desc limit 3`,
      );
      expect(agent.calls.nodes.map((n: any) => n.callId)).toEqual(expected.map((r) => r.call_id));
      const [stats] = await queryRows<{ n: number; avg: number }>(
        t.db,
        sql`select count(*)::int as n, avg(customer_sentiment_score)::float8 as avg from calls where agent_id = ${agent.agentId}`,
      );
      expect(agent.stats.totalCalls).toBe(stats.n);
      expect(agent.stats.avgSentiment).toBeCloseTo(stats.avg, 9);
    }
  });

  it('finds customers by a case-insensitive substring of id or name, treating LIKE wildcards literally', async () => {
    const res = await t.gql('{ a: customers(search: "customer 1", first: 100) { totalCount nodes { customerId name } } b: customers(search: "%") { totalCount } }');
    expect(res.body.errors).toBeUndefined();
    const [{ n }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from customers where name ilike '%customer 1%' or customer_id ilike '%customer 1%'`);
    expect(res.body.data!.a.totalCount).toBe(n);
    expect(res.body.data!.a.nodes.every((c: any) => /customer 1/i.test(c.name))).toBe(true);
    expect(res.body.data!.b.totalCount).toBe(0);
  });

  it('rejects first outside 1..100 and a malformed cursor with BAD_USER_INPUT naming the argument', async () => {
    for (const [variables, argument] of [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ first: 5, after: 'not-a-cursor' }, 'after'],
    ] as const) {
      const res = await t.gql(PAGE_QUERY, variables);
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(res.body.errors?.[0].extensions?.stacktrace).toBeUndefined();
    }
  });

  it('serves GET queries, compresses large responses, and shows Sandbox and GraphiQL to browsers', async () => {
    const query = encodeURIComponent('{ calls(first: 40) { nodes { callId language } } }');
    const get = await fetch(`${t.url}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true', 'accept-encoding': 'gzip' } });
    expect(get.status).toBe(200);
    expect(get.headers.get('content-encoding')).toBe('gzip');
    expect(((await get.json()) as any).data.calls.nodes).toHaveLength(40);

    const sandbox = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(sandbox.status).toBe(200);
    expect(await sandbox.text()).toMatch(/sandbox/i);
    const graphiql = await fetch(`${t.url}/graphiql`);
    expect(await graphiql.text()).toContain('/graphiql/assets/graphiql.js');
    expect((await fetch(`${t.url}/graphiql/assets/graphiql.js`)).status).toBe(200);
  });
});
