import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { refreshAnalyticsViews } from '../../src/analytics/analytics.repository.js';
import { generateCalls } from '../../src/synthetic/generator.js';
import {
  AgentPageDocument,
  CallDetailDocument,
  CallListDocument,
  IngestCallsDocument,
  LeaderboardDocument,
  SearchCallsDocument,
} from '../generated/graphql.js';
import { startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';

/**
 * The operations a dashboard sends (test/operations/*.graphql, typed by
 * `npm run codegen`), end to end: calls go in through ingestCalls and come
 * back out of every read the dashboard makes.
 */
describe.each(testModes)('a dashboard session on the %s database', (mode) => {
  let t: TestParley;
  const calls = [...generateCalls({ calls: 300, seed: 11, agents: 6 })];

  beforeAll(async () => {
    t = await startTestParley(mode);
    const res = await t.gql(IngestCallsDocument, { calls, onConflict: 'SKIP' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.ingestCalls).toMatchObject({ received: 300, inserted: 300, failed: 0 });
    await refreshAnalyticsViews(t.db);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lists the newest calls with their people, as SQL orders them', async () => {
    const res = await t.gql(CallListDocument, { first: 25 });
    const page = res.body.data!.calls;
    expect(page.totalCount).toBe(300);
    const expected = await queryRows<{ call_id: string }>(t.db, sql`select call_id from calls order by start_time desc, call_id desc limit 25`);
    expect(page.edges.map((e) => e.node.callId)).toEqual(expected.map((r) => r.call_id));
    const source = new Map(calls.map((c) => [c.callId, c]));
    for (const { node } of page.edges) {
      expect(node.agent.name).toBe(source.get(node.callId)!.agentName);
      expect(node.customer.name).toBe(source.get(node.callId)!.customerName);
    }
  });

  it('opens a call with its turns, insights, three nudges and similar calls', async () => {
    const callId = calls[42].callId;
    const res = await t.gql(CallDetailDocument, { callId, similar: 5 });
    expect(res.body.errors).toBeUndefined();
    const call = res.body.data!.call!;
    expect(call.utterances.length).toBeGreaterThan(1);
    expect(call.utterances.map((u) => u.index)).toEqual(call.utterances.map((_, i) => i));
    expect(call.coachingNudges).toHaveLength(3);
    expect(call.insights.agentWordCount + call.insights.customerWordCount).toBeGreaterThan(0);
    expect(call.similarCalls).toHaveLength(5);
    expect(call.similarCalls.map((s) => s.call.callId)).not.toContain(callId);
    const sims = call.similarCalls.map((s) => s.similarity);
    expect([...sims].sort((a, b) => b - a)).toEqual(sims);
  });

  it("shows an agent's stats and calls for a period", async () => {
    const agentId = calls[0].agentId;
    const from = '2026-06-01T00:00:00.000Z';
    const to = '2026-09-01T00:00:00.000Z';
    const res = await t.gql(AgentPageDocument, { agentId, from, to, first: 10 });
    const agent = res.body.data!.agent!;
    const [expected] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from calls where agent_id = ${agentId} and start_time >= ${from}::timestamptz and start_time < ${to}::timestamptz`,
    );
    expect(agent.stats.totalCalls).toBe(expected.n);
    expect(agent.calls.totalCount).toBe(expected.n);
  });

  it('ranks the team and sums the histogram to the total', async () => {
    const res = await t.gql(LeaderboardDocument, { first: 3, buckets: 4 });
    const analytics = res.body.data!.analytics;
    expect(analytics.totals.totalCalls).toBe(300);
    expect(analytics.agentLeaderboard.map((e) => e.rank)).toEqual([1, 2, 3]);
    expect(analytics.sentimentHistogram.reduce((n, b) => n + b.count, 0)).toBe(300);
    expect(analytics.daily.reduce((n, d) => n + d.totalCalls, 0)).toBe(300);
  });

  it('finds calls about pricing, best match first, with highlighted excerpts', async () => {
    const res = await t.gql(SearchCallsDocument, { query: 'price', first: 5 });
    const found = res.body.data!.searchCalls;
    expect(found.totalCount).toBeGreaterThan(0);
    const ranks = found.edges.map((e) => e.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(found.edges[0].headline.length).toBeGreaterThan(0);
  });
});
