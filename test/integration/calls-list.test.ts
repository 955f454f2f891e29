import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { type GraphQLResponse, startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';
import { insertFixtures } from '../support/sql-fixtures.js';

const LIST = /* GraphQL */ `
  query List($filter: CallFilter, $orderBy: CallOrder, $first: Int, $after: String, $offset: Int) {
    calls(filter: $filter, orderBy: $orderBy, first: $first, after: $after, offset: $offset) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      nodes { callId }
    }
  }`;

/** Each order written independently of the code under test. */
const ORDER_SQL: Record<string, string> = {
  START_TIME_DESC: 'start_time desc, call_id desc',
  START_TIME_ASC: 'start_time asc, call_id asc',
  SENTIMENT_ASC: 'customer_sentiment_score asc, call_id asc',
  SENTIMENT_DESC: 'customer_sentiment_score desc, call_id desc',
  DURATION_DESC: 'duration_seconds desc, call_id desc',
  DURATION_ASC: 'duration_seconds asc, call_id asc',
};

const FROM = '2026-09-01T00:00:00.000Z';
const TO = '2026-10-01T00:00:00.000Z';

/** Each filter with its own hand-written SQL predicate. */
const FILTERS: [string, Record<string, unknown>, SQL][] = [
  ['agentId', { agentId: 'AGENT-003' }, sql`agent_id = 'AGENT-003'`],
  ['agentIds', { agentIds: ['AGENT-001', 'AGENT-005'] }, sql`agent_id in ('AGENT-001', 'AGENT-005')`],
  ['an empty agentIds', { agentIds: [] }, sql`false`],
  ['customerId', { customerId: 'CUST-00007' }, sql`customer_id = 'CUST-00007'`],
  ['language', { language: 'fr' }, sql`language = 'fr'`],
  ['from (inclusive)', { from: FROM }, sql`start_time >= ${FROM}::timestamptz`],
  ['to (exclusive)', { to: TO }, sql`start_time < ${TO}::timestamptz`],
  ['minSentiment (inclusive)', { minSentiment: 0.25 }, sql`customer_sentiment_score >= 0.25`],
  ['maxSentiment (inclusive)', { maxSentiment: -0.5 }, sql`customer_sentiment_score <= -0.5`],
  ['minDurationSeconds', { minDurationSeconds: 600 }, sql`duration_seconds >= 600`],
  ['maxDurationSeconds', { maxDurationSeconds: 600 }, sql`duration_seconds <= 600`],
  ['minTalkRatio', { minTalkRatio: 0.5 }, sql`agent_talk_ratio >= 0.5`],
  ['maxTalkRatio', { maxTalkRatio: 0.3 }, sql`agent_talk_ratio <= 0.3`],
  [
    'all of them together',
    { agentIds: ['AGENT-000', 'AGENT-001', 'AGENT-002', 'AGENT-003'], from: '2026-08-01T00:00:00Z', to: TO, minSentiment: -0.8, maxSentiment: 0.9, minDurationSeconds: 100, maxTalkRatio: 0.9 },
    sql`agent_id in ('AGENT-000', 'AGENT-001', 'AGENT-002', 'AGENT-003') and start_time >= '2026-08-01T00:00:00Z' and start_time < ${TO}::timestamptz
        and customer_sentiment_score between -0.8 and 0.9 and duration_seconds >= 100 and agent_talk_ratio <= 0.9`,
  ],
];

describe.each(testModes)('Query.calls filters, orders and paging on the %s database', (mode) => {
  let t: TestParley;

  beforeAll(async () => {
    t = await startTestParley(mode);
    await insertFixtures(t.db, { agents: 8, customers: 100, calls: 2_000, seed: 21 });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const expectedIds = async (where: SQL, order: string) =>
    (await queryRows<{ call_id: string }>(t.db, sql`select call_id from calls where ${where} order by ${sql.raw(order)}`)).map((r) => r.call_id);

  /** Follows `after` cursors to the end; checks pageInfo on the way. */
  async function allPages(filter: Record<string, unknown> | undefined, orderBy: string, first = 100) {
    const ids: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let page = 0; page < 100; page++) {
      const res: GraphQLResponse = await t.gql(LIST, { filter, orderBy, first, after });
      expect(res.body.errors).toBeUndefined();
      const conn = res.body.data!.calls;
      total = conn.totalCount;
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      ids.push(...conn.nodes.map((n: { callId: string }) => n.callId));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    return { ids, total };
  }

  it.each(Object.keys(ORDER_SQL))('pages through all 2,000 calls in %s order exactly as SQL orders them', async (orderBy) => {
    const { ids, total } = await allPages(undefined, orderBy);
    expect(total).toBe(2_000);
    expect(ids).toEqual(await expectedIds(sql`true`, ORDER_SQL[orderBy]));
  });

  it.each(FILTERS)('filters by %s with the same ids, order and totalCount as SQL', async (_name, filter, where) => {
    for (const orderBy of ['START_TIME_DESC', 'SENTIMENT_ASC']) {
      const { ids, total } = await allPages(filter, orderBy);
      const expected = await expectedIds(where, ORDER_SQL[orderBy]);
      expect(ids).toEqual(expected);
      expect(total).toBe(expected.length);
    }
  });

  it('jumps to a page with offset exactly like SQL OFFSET', async () => {
    for (const orderBy of ['START_TIME_DESC', 'DURATION_ASC']) {
      const res = await t.gql(LIST, { orderBy, first: 50, offset: 1_234 });
      const expected = (await expectedIds(sql`true`, ORDER_SQL[orderBy])).slice(1_234, 1_284);
      expect(res.body.data!.calls.nodes.map((n: { callId: string }) => n.callId)).toEqual(expected);
      expect(res.body.data!.calls.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    }
  });

  it('keeps a cursor valid when newer and older calls arrive between pages', async () => {
    const first = await t.gql(LIST, { first: 50 });
    const seen = first.body.data!.calls.nodes.map((n: { callId: string }) => n.callId);
    const before = await expectedIds(sql`true`, ORDER_SQL.START_TIME_DESC);
    const lastSeen = before.indexOf(seen.at(-1));
    // New calls: some newer than everything (must not appear on page 2), some in the middle of the rest.
    await t.db.execute(sql`insert into calls (call_id, agent_id, customer_id, start_time, duration_seconds, transcript, agent_talk_ratio,
        customer_sentiment_score, agent_sentiment_score, utterances, insights, coaching_nudges)
      select 'NEW-' || g, 'AGENT-000', 'CUST-00000', case when g % 2 = 0 then now() + interval '1 minute' else c.start_time end,
        60, 'Agent: hello there\nCustomer: hi', 0.5, 0, 0, '[]', ${JSON.stringify({ agentWordCount: 0, customerWordCount: 0, speakerSwitches: 0, longestAgentMonologueWords: 0, longestCustomerStoryWords: 0, agentQuestionCount: 0, agentSentimentScore: 0, customerSentimentTrend: 0, topics: [] })}::jsonb, '[]'
      from generate_series(1, 10) g, (select start_time from calls order by start_time desc, call_id desc offset 400 limit 1) c`);
    const second = await t.gql(LIST, { first: 50, after: first.body.data!.calls.pageInfo.endCursor });
    const page2 = second.body.data!.calls.nodes.map((n: { callId: string }) => n.callId);
    const after = await expectedIds(sql`true`, ORDER_SQL.START_TIME_DESC);
    expect(page2).toEqual(after.slice(after.indexOf(before[lastSeen]) + 1, after.indexOf(before[lastSeen]) + 51));
    expect(page2.filter((id: string) => seen.includes(id))).toEqual([]);
    expect(second.body.data!.calls.totalCount).toBe(2_010);
    await t.db.execute(sql`delete from calls where call_id like 'NEW-%'`);
  });

  it('rejects a cursor made for another order, a negative offset and an offset beyond the limit', async () => {
    const page = await t.gql(LIST, { orderBy: 'DURATION_ASC', first: 5 });
    const other = await t.gql(LIST, { orderBy: 'DURATION_DESC', first: 5, after: page.body.data!.calls.pageInfo.endCursor });
    expect(other.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    for (const offset of [-1, 100_001]) {
      const res = await t.gql(LIST, { first: 5, offset });
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'offset' });
    }
  });
});
