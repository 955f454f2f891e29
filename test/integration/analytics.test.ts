import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SQL, sql } from 'drizzle-orm';
import { refreshAnalyticsViews } from '../../src/analytics/analytics.repository.js';
import { type Database, queryRows } from '../../src/db/client.js';
import { startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';
import { insertFixtures } from '../support/sql-fixtures.js';

interface Filter {
  from?: string;
  to?: string;
  agentIds?: string[];
  language?: string;
}

const ORDERS = ['AVG_SENTIMENT_DESC', 'TOTAL_CALLS_DESC', 'AVG_TALK_RATIO_ASC', 'AVG_DURATION_DESC'] as const;
type Order = (typeof ORDERS)[number];

const SUMMARY = /* GraphQL */ `
  query Summary($filter: AnalyticsFilter, $orderBy: LeaderboardOrder, $first: Int, $minCalls: Int, $buckets: Int) {
    analytics(filter: $filter) {
      totals { totalCalls avgSentiment avgTalkRatio avgDurationSeconds firstCallAt lastCallAt }
      agentLeaderboard(orderBy: $orderBy, first: $first, minCalls: $minCalls) {
        rank agent { agentId name } totalCalls avgSentiment avgTalkRatio avgDurationSeconds
      }
      daily { date totalCalls avgSentiment avgDurationSeconds }
      sentimentHistogram(buckets: $buckets) { from to count }
      languages { language totalCalls avgSentiment }
      topics { topic calls avgSentiment }
    }
  }`;

const MIDNIGHT_FILTER: Filter = {
  from: '2026-09-01T00:00:00Z',
  to: '2026-10-15T00:00:00Z',
  agentIds: ['AGENT-001', 'AGENT-004', 'AGENT-007', 'TIE-A', 'NO-SUCH-AGENT'],
  language: 'en',
};
const CUT_DAY_FILTER: Filter = { from: '2026-09-01T06:30:00Z', to: '2026-10-15T18:00:00.500Z', agentIds: ['AGENT-002', 'AGENT-005', 'TIE-B', 'TIE-A'] };
const SCENARIOS: [string, Filter | null][] = [
  ['no filter', null],
  ['whole UTC days with agents and a language', MIDNIGHT_FILTER],
  ['a range that cuts days', CUT_DAY_FILTER],
  ['an empty agent list', { agentIds: [] }],
];

/** The test's own predicate over `calls`, written apart from the gateway's. */
function whereOf(f: Filter | null): SQL {
  const parts = [sql`true`];
  if (f?.from) parts.push(sql`c.start_time >= ${f.from}::timestamptz`);
  if (f?.to) parts.push(sql`c.start_time < ${f.to}::timestamptz`);
  if (f?.agentIds) parts.push(f.agentIds.length ? sql`c.agent_id in (${sql.join(f.agentIds.map((id) => sql`${id}`), sql`, `)})` : sql`false`);
  if (f?.language) parts.push(sql`c.language = ${f.language}`);
  return sql.join(parts, sql` and `);
}

const ORDER_SQL: Record<Order, SQL> = {
  AVG_SENTIMENT_DESC: sql`avg(c.customer_sentiment_score) desc`,
  TOTAL_CALLS_DESC: sql`count(*) desc`,
  AVG_TALK_RATIO_ASC: sql`avg(c.agent_talk_ratio) asc`,
  AVG_DURATION_DESC: sql`avg(c.duration_seconds) desc`,
};

async function expectedLeaderboard(db: Database, f: Filter | null, order: Order, first: number, minCalls: number) {
  const rows = await queryRows<any>(
    db,
    sql`select c.agent_id, a.name, count(*)::int as total_calls, avg(c.customer_sentiment_score)::float8 as avg_sentiment,
          avg(c.agent_talk_ratio)::float8 as avg_talk_ratio, avg(c.duration_seconds)::float8 as avg_duration_seconds
        from calls c join agents a on a.agent_id = c.agent_id where ${whereOf(f)}
        group by c.agent_id, a.name having count(*) >= ${minCalls}
        order by ${ORDER_SQL[order]}, c.agent_id collate "C" asc limit ${first}`,
  );
  return rows.map((r, i) => ({
    rank: i + 1,
    agent: { agentId: r.agent_id, name: r.name },
    totalCalls: r.total_calls,
    avgSentiment: r.avg_sentiment,
    avgTalkRatio: r.avg_talk_ratio,
    avgDurationSeconds: r.avg_duration_seconds,
  }));
}

/** Every field of the summary, aggregated directly over `calls`. */
async function expectedSummary(db: Database, f: Filter | null, buckets: number) {
  const where = whereOf(f);
  const [totals] = await queryRows<any>(
    db,
    sql`select count(*)::int as "totalCalls", avg(customer_sentiment_score)::float8 as "avgSentiment",
          avg(agent_talk_ratio)::float8 as "avgTalkRatio", avg(duration_seconds)::float8 as "avgDurationSeconds",
          to_char(min(start_time) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "firstCallAt",
          to_char(max(start_time) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "lastCallAt"
        from calls c where ${where}`,
  );
  const daily = await queryRows<any>(
    db,
    sql`select to_char(start_time at time zone 'UTC', 'YYYY-MM-DD') as date, count(*)::int as "totalCalls",
          avg(customer_sentiment_score)::float8 as "avgSentiment", avg(duration_seconds)::float8 as "avgDurationSeconds"
        from calls c where ${where} group by 1 order by 1`,
  );
  const languages = await queryRows<any>(
    db,
    sql`select language, count(*)::int as "totalCalls", avg(customer_sentiment_score)::float8 as "avgSentiment"
        from calls c where ${where} group by language order by 2 desc, language collate "C"`,
  );
  const topics = await queryRows<any>(
    db,
    sql`select topic, count(distinct call_id)::int as calls, avg(customer_sentiment_score)::float8 as "avgSentiment"
        from (select distinct c.call_id, c.customer_sentiment_score, t.topic from calls c, unnest(c.topics) t(topic) where ${where}) x
        group by topic order by 2 desc, topic collate "C"`,
  );
  const scores = (await queryRows<{ s: number }>(db, sql`select customer_sentiment_score as s from calls c where ${where}`)).map((r) => r.s);
  const sentimentHistogram = Array.from({ length: buckets }, (_, i) => {
    // The exact edge -1 + 2i/n, correctly rounded (as a score of -0.86 is the double nearest to -0.86).
    const from = (2 * i - buckets) / buckets;
    const to = (2 * (i + 1) - buckets) / buckets;
    return { from, to, count: scores.filter((s) => s >= from && (s < to || (i === buckets - 1 && s <= to))).length };
  });
  const agentLeaderboard = await expectedLeaderboard(db, f, 'AVG_SENTIMENT_DESC', 10, 1);
  return { totals, agentLeaderboard, daily, sentimentHistogram, languages, topics };
}

/** Equal in shape, order and every string; numbers to 1e-9 (so integers exactly). */
function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, e] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

async function summary(t: TestParley, variables: Record<string, unknown>) {
  const res = await t.gql(SUMMARY, variables);
  expect(res.body.errors).toBeUndefined();
  return { data: res.body.data!.analytics, statements: res.body.extensions!.sql.statements as number };
}

/** The same data on every server: the fixture, calls with sentiment exactly 1 and -1, a repeated topic, and two agents that tie on every key. */
async function seed(db: Database): Promise<void> {
  await insertFixtures(db, { agents: 12, customers: 150, calls: 2400, seed: 11 });
  await db.execute(sql`update calls set customer_sentiment_score = 1 where call_id in ('CALL-000001', 'CALL-000002', 'CALL-000003')`);
  await db.execute(sql`update calls set customer_sentiment_score = -1 where call_id in ('CALL-000004', 'CALL-000005')`);
  // Ingestion never repeats a topic, but a call that did must still count once per topic.
  await db.execute(sql`update calls set topics = '{pricing,churn,pricing}' where call_id = 'CALL-000007'`);
  await db.execute(sql`insert into agents (agent_id, name) values ('TIE-B', 'Tie B'), ('TIE-A', 'Tie A')`);
  // 0.25, 0.5 and 600 add up exactly in binary, so the tie is exact on both paths.
  for (const [agent, ids] of [['TIE-A', [10, 20, 30]], ['TIE-B', [40, 50, 60]]] as const) {
    const callIds = ids.map((i) => `CALL-${String(i).padStart(6, '0')}`);
    await db.execute(sql`update calls set agent_id = ${agent}, customer_sentiment_score = 0.25, agent_talk_ratio = 0.5, duration_seconds = 600,
      start_time = '2026-09-20T10:00:00Z', language = 'en' where call_id in (${sql.join(callIds.map((id) => sql`${id}`), sql`, `)})`);
  }
  await refreshAnalyticsViews(db);
}

describe.each(testModes)('Query.analytics on the %s database', (mode) => {
  let views: TestParley;
  let live: TestParley;

  beforeAll(async () => {
    [views, live] = await Promise.all([startTestParley(mode), startTestParley(mode, { ANALYTICS_USE_VIEWS: 'false' })]);
    await Promise.all([seed(views.db), seed(live.db)]);
  });
  afterAll(async () => {
    await Promise.all([views?.stop(), live?.stop()]);
  });

  it.each(SCENARIOS)('answers every field like SQL over the calls, with views and without, for %s', async (_, filter) => {
    const fromViews = await summary(views, { filter, buckets: 10 });
    const fromLive = await summary(live, { filter, buckets: 10 });
    const expected = await expectedSummary(views.db, filter, 10);
    expectClose(fromViews.data, expected);
    expectClose(fromLive.data, expected);
    expectClose(fromLive.data, fromViews.data);
    // One statement per field: totals, leaderboard (agents joined), daily, histogram, languages, topics.
    expect(fromViews.statements).toBe(6);
    expect(fromLive.statements).toBe(6);
  });

  it('returns zero calls, null averages and empty lists, but every histogram bucket, for an empty agent list', async () => {
    const { data } = await summary(views, { filter: { agentIds: [] }, buckets: 4 });
    expect(data.totals).toEqual({ totalCalls: 0, avgSentiment: null, avgTalkRatio: null, avgDurationSeconds: null, firstCallAt: null, lastCallAt: null });
    expect([data.agentLeaderboard, data.daily, data.languages, data.topics]).toEqual([[], [], [], []]);
    expect(data.sentimentHistogram).toEqual([
      { from: -1, to: -0.5, count: 0 },
      { from: -0.5, to: 0, count: 0 },
      { from: 0, to: 0.5, count: 0 },
      { from: 0.5, to: 1, count: 0 },
    ]);
  });

  it.each([1, 7, 10, 100])('puts every call in one of %i histogram buckets, -1 in the first and exactly 1 in the last', async (buckets) => {
    for (const t of [views, live]) {
      const { data } = await summary(t, { buckets });
      const histogram = data.sentimentHistogram as { from: number; to: number; count: number }[];
      expect(histogram).toHaveLength(buckets);
      expect(histogram[0].from).toBe(-1);
      expect(histogram.at(-1)!.to).toBe(1);
      histogram.slice(1).forEach((b, i) => expect(b.from).toBe(histogram[i].to));
      expect(histogram.reduce((n, b) => n + b.count, 0)).toBe(data.totals.totalCalls);
      const expected = (await expectedSummary(t.db, null, buckets)).sentimentHistogram;
      // Edges exactly, not to 1e-9: a score on an edge must go where the reported edge says.
      expect(histogram.map((b) => [b.from, b.to])).toEqual(expected.map((b) => [b.from, b.to]));
      expectClose(histogram, expected);
      const [edge] = await queryRows<{ ones: number; minus: number }>(
        t.db,
        sql`select count(*) filter (where customer_sentiment_score = 1)::int as ones, count(*) filter (where customer_sentiment_score = -1)::int as minus from calls`,
      );
      expect(edge.ones).toBeGreaterThanOrEqual(3);
      expect(edge.minus).toBeGreaterThanOrEqual(2);
      if (buckets > 1) {
        expect(histogram.at(-1)!.count).toBeGreaterThanOrEqual(edge.ones);
        expect(histogram[0].count).toBeGreaterThanOrEqual(edge.minus);
      }
      if (buckets % 10 === 0) {
        // Scores have three decimals, so some sit exactly on an inner edge (e.g. -0.4): the comparison above put them in the bucket they start.
        const inner = new Set(histogram.slice(1).map((b) => b.from));
        const scores = await queryRows<{ s: number }>(t.db, sql`select customer_sentiment_score as s from calls`);
        expect(scores.filter((r) => inner.has(r.s)).length).toBeGreaterThan(0);
      }
    }
  });

  it.each([0, 101, -3])('rejects %i histogram buckets with BAD_USER_INPUT naming buckets', async (buckets) => {
    const res = await views.gql(`query($b: Int) { analytics { sentimentHistogram(buckets: $b) { count } } }`, { b: buckets });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'buckets' });
    expect(res.body.extensions!.sql.statements).toBe(0);
  });

  it.each(ORDERS)('ranks agents by %s like SQL, with minCalls, agentId breaking ties, on both paths', async (orderBy) => {
    const [{ median }] = await queryRows<{ median: number }>(
      views.db,
      sql`select percentile_disc(0.5) within group (order by n)::int as median from (select count(*) as n from calls group by agent_id) x`,
    );
    for (const [filter, first, minCalls] of [
      [null, 100, 1],
      [null, 5, median],
      [MIDNIGHT_FILTER, 100, 1],
      [CUT_DAY_FILTER, 3, 2],
    ] as const) {
      const expected = await expectedLeaderboard(views.db, filter, orderBy, first, minCalls);
      for (const t of [views, live]) {
        const res = await t.gql(`query($f: AnalyticsFilter, $o: LeaderboardOrder, $n: Int, $m: Int) {
          analytics(filter: $f) { agentLeaderboard(orderBy: $o, first: $n, minCalls: $m) { rank agent { agentId name } totalCalls avgSentiment avgTalkRatio avgDurationSeconds } } }`,
          { f: filter, o: orderBy, n: first, m: minCalls });
        expect(res.body.errors).toBeUndefined();
        expectClose(res.body.data!.analytics.agentLeaderboard, expected);
      }
    }
    // The two tied agents (3 calls each, equal averages) appear, TIE-A first, and vanish under minCalls 4.
    const all = (await summary(views, { orderBy, first: 100 })).data.agentLeaderboard.map((e: any) => e.agent.agentId);
    expect(all).toContain('TIE-A');
    expect(all.indexOf('TIE-B') - all.indexOf('TIE-A')).toBe(1);
    const busy = (await summary(views, { orderBy, first: 100, minCalls: 4 })).data.agentLeaderboard.map((e: any) => e.agent.agentId);
    expect(busy.filter((id: string) => id.startsWith('TIE-'))).toEqual([]);
  });

  it('costs two statements for totals and a leaderboard with agent names, whatever first is', async () => {
    const query = `query($n: Int, $f: AnalyticsFilter) { analytics(filter: $f) {
      totals { totalCalls avgSentiment } agentLeaderboard(first: $n) { rank totalCalls agent { agentId name email } } } }`;
    for (const t of [views, live]) {
      for (const filter of [null, MIDNIGHT_FILTER, CUT_DAY_FILTER]) {
        const counts: number[] = [];
        for (const first of [1, 10, 14]) {
          const res = await t.gql(query, { n: first, f: filter });
          expect(res.body.errors).toBeUndefined();
          counts.push(res.body.extensions!.sql.statements);
        }
        expect(counts).toEqual([2, 2, 2]);
      }
    }
  });

  it('rejects first outside 1..100, minCalls below 1 and from after to with BAD_USER_INPUT naming the argument', async () => {
    for (const [variables, argument] of [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ minCalls: 0 }, 'minCalls'],
      [{ filter: { from: '2026-10-02T00:00:00Z', to: '2026-10-01T00:00:00Z' } }, 'filter.from'],
    ] as const) {
      const res = await views.gql(SUMMARY, variables);
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('reads the views for whole days and live calls otherwise: a stale view shows which path answered each field', async () => {
    // Five copies of a call with two or more topics, after the last refresh.
    const late = sql`insert into calls (call_id, agent_id, customer_id, language, start_time, duration_seconds, transcript,
        agent_talk_ratio, customer_sentiment_score, agent_sentiment_score, topics, utterances, insights, coaching_nudges)
      select 'LATE-' || n, agent_id, customer_id, 'en', '2026-09-10T12:00:00Z', duration_seconds, transcript,
        agent_talk_ratio, customer_sentiment_score, agent_sentiment_score, topics, utterances, insights, coaching_nudges
      from calls, generate_series(1, 5) n
      where call_id = (select min(call_id) from calls where cardinality(topics) >= 2)`;
    await Promise.all([views.db.execute(late), live.db.execute(late)]);
    const [{ k }] = await queryRows<{ k: number }>(views.db, sql`select cardinality(topics)::int as k from calls where call_id = 'LATE-1'`);
    expect(k).toBeGreaterThanOrEqual(2);
    const sum = (rows: any[], key: string) => rows.reduce((n, r) => n + r[key], 0);
    /** Calls as each field counts them: totals, daily, languages, leaderboard, and (call, topic) pairs for topics. */
    const served = async (t: TestParley, filter: Filter | null) => {
      const { data } = await summary(t, { filter, first: 100 });
      return [data.totals.totalCalls, sum(data.daily, 'totalCalls'), sum(data.languages, 'totalCalls'), sum(data.agentLeaderboard, 'totalCalls'), sum(data.topics, 'calls')];
    };
    const truth = async (t: TestParley, filter: Filter | null, missing = 0) => {
      const [r] = await queryRows<{ n: number; pairs: number }>(
        t.db,
        sql`select count(*)::int as n, coalesce(sum((select count(distinct x) from unnest(c.topics) x)), 0)::int as pairs
            from calls c where ${whereOf(filter)}`,
      );
      const n = r.n - missing;
      return [n, n, n, n, r.pairs - missing * k];
    };
    const wholeDays: Filter = { from: '2026-09-10T00:00:00Z', to: '2026-09-11T00:00:00Z', language: 'en' };
    const cutDay: Filter = { from: '2026-09-10T00:00:00Z', to: '2026-09-10T23:00:00Z' };

    expect(await served(views, null)).toEqual(await truth(views, null, 5));
    expect(await served(views, wholeDays)).toEqual(await truth(views, wholeDays, 5));
    expect(await served(views, cutDay)).toEqual(await truth(views, cutDay));
    for (const filter of [null, wholeDays, cutDay]) expect(await served(live, filter)).toEqual(await truth(live, filter));

    await refreshAnalyticsViews(views.db);
    for (const filter of [null, wholeDays]) expect(await served(views, filter)).toEqual(await truth(views, filter));
  });
});
