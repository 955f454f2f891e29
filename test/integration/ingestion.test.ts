import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { textArray } from '../../src/db/sql.js';
import { CALLS_CHANGED_CHANNEL, decodeCallsChanged, type CallsChangedEvent } from '../../src/ingestion/events.js';
import { generateCalls } from '../../src/synthetic/generator.js';
import { malformedCalls } from '../../src/synthetic/malformed.js';
import type { SyntheticCall } from '../../src/synthetic/types.js';
import { startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';

const INGEST = /* GraphQL */ `
  mutation Ingest($calls: [CallInput!]!, $onConflict: ConflictPolicy) {
    ingestCalls(calls: $calls, onConflict: $onConflict) {
      received inserted updated skipped failed
      errors { index callId code message }
    }
  }`;

const UPSERT_AGENTS = /* GraphQL */ `
  mutation Agents($agents: [AgentInput!]!) {
    upsertAgents(agents: $agents) { received inserted updated failed errors { index code message } }
  }`;

const until = new Date(Date.now() - 60_000);
/** Valid generated calls; `offset` keeps the callIds of each test apart. */
const calls = (count: number, offset: number): SyntheticCall[] => [...generateCalls({ calls: count, seed: 11, offset, customers: 60, until })];

const count = async (t: TestParley, where: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from calls where ${where}`))[0].n;

describe.each(testModes)('ingestion on the %s database', (mode) => {
  let t: TestParley;
  const events: CallsChangedEvent[] = [];
  let unsubscribe: () => Promise<void>;

  beforeAll(async () => {
    // Small statements, so a 1,000-call batch spans ten INSERTs in one transaction.
    t = await startTestParley(mode, { INGEST_ROWS_PER_STATEMENT: '100', VIEW_REFRESH_DEBOUNCE_MS: '300' });
    // Through the real store: Redis pub/sub in postgres mode.
    unsubscribe = await t.parley.cache.subscribe(CALLS_CHANGED_CHANNEL, (message) => {
      const event = decodeCallsChanged(message);
      if (event) events.push(event);
    });
  });
  afterAll(async () => {
    await unsubscribe?.();
    await t?.stop();
  });

  const good = calls(1_000, 0);
  const bad = malformedCalls(100, 5);
  // Every 11th item is malformed: positions 10, 21, ..., 1099.
  const mixed: unknown[] = [];
  const expectedErrors: { index: number; code: string }[] = [];
  for (let i = 0, g = 0, b = 0; i < 1_100; i++) {
    if (i % 11 === 10) {
      expectedErrors.push({ index: i, code: bad[b].expectedCode });
      mixed.push(bad[b++].input);
    } else {
      mixed.push(good[g++]);
    }
  }

  it('stores exactly the 1,000 valid calls of a batch and reports each of the 100 bad ones by index and code', async () => {
    const res = await t.gql(INGEST, { calls: mixed });
    expect(res.body.errors).toBeUndefined();
    const result = res.body.data!.ingestCalls;
    expect(result).toMatchObject({ received: 1_100, inserted: 1_000, updated: 0, skipped: 0, failed: 100 });
    expect(result.errors.map((e: any) => ({ index: e.index, code: e.code }))).toEqual(expectedErrors);
    for (const error of result.errors) expect(error.message.length).toBeGreaterThan(10);
    const durationError = result.errors.find((e: any) => e.message.startsWith('durationSeconds'));
    expect(durationError.message).toMatch(/from 1 to 14400; got -?\d+/);

    const ids = good.map((c) => c.callId);
    expect(await count(t, sql`true`)).toBe(1_000);
    expect(await count(t, sql`call_id = any(${textArray(ids)})`)).toBe(1_000);
    const [stored] = await queryRows<{ models: string[]; topics_match: boolean; no_embedding: number; min_utterances: number }>(
      t.db,
      sql`select array_agg(distinct embedding_model) as models,
                 bool_and(topics = array(select jsonb_array_elements_text(insights->'topics'))) as topics_match,
                 count(*) filter (where embedding is null)::int as no_embedding,
                 min(jsonb_array_length(utterances))::int as min_utterances
          from calls`,
    );
    expect(stored).toMatchObject({ models: ['hashed-ngram-v1-384'], topics_match: true, no_embedding: 0 });
    expect(stored.min_utterances).toBeGreaterThan(0);
  });

  it('treats a re-sent batch under SKIP as 1,000 skipped and changes nothing', async () => {
    const [before] = await queryRows<{ max: string }>(t.db, sql`select max(updated_at)::text as max from calls`);
    const res = await t.gql(INGEST, { calls: mixed });
    expect(res.body.data!.ingestCalls).toMatchObject({ received: 1_100, inserted: 0, updated: 0, skipped: 1_000, failed: 100 });
    const [after] = await queryRows<{ max: string }>(t.db, sql`select max(updated_at)::text as max from calls`);
    expect(after.max).toBe(before.max);
    expect(await count(t, sql`true`)).toBe(1_000);
  });

  it('replaces calls and their insights under UPDATE, keeping id and createdAt and moving updatedAt', async () => {
    const targets = good.slice(0, 20);
    const ids = textArray(targets.map((c) => c.callId));
    const before = await queryRows<{ call_id: string; id: string; created_at: string; updated_at: string; utterances: unknown }>(
      t.db,
      sql`select call_id, id::text as id, created_at::text as created_at, updated_at::text as updated_at, utterances from calls where call_id = any(${ids}) order by call_id`,
    );
    const changed = targets.map((c) => ({ ...c, transcript: 'Agent: We changed the price today.\nCustomer: That is terrible, we will cancel and switch to a competitor.' }));
    const res = await t.gql(INGEST, { calls: changed, onConflict: 'UPDATE' });
    expect(res.body.data!.ingestCalls).toMatchObject({ received: 20, inserted: 0, updated: 20, skipped: 0, failed: 0 });
    const after = await queryRows<{ call_id: string; id: string; created_at: string; updated_at: string; utterances: { text: string }[]; topics: string[]; customer_sentiment_score: number }>(
      t.db,
      sql`select call_id, id::text as id, created_at::text as created_at, updated_at::text as updated_at, utterances, topics, customer_sentiment_score
          from calls where call_id = any(${ids}) order by call_id`,
    );
    after.forEach((row, i) => {
      expect(row.id).toBe(before[i].id);
      expect(row.created_at).toBe(before[i].created_at);
      expect(new Date(row.updated_at).getTime()).toBeGreaterThan(new Date(before[i].updated_at).getTime());
      expect(row.utterances.map((u) => u.text)).toEqual(['We changed the price today.', 'That is terrible, we will cancel and switch to a competitor.']);
      expect(row.topics).toEqual(expect.arrayContaining(['pricing', 'competitor']));
      expect(row.customer_sentiment_score).toBeLessThan(0);
    });
    const gql = await t.gql(`{ call(callId: "${targets[0].callId}") { id createdAt updatedAt utterances { text } insights { topics } } }`);
    expect(gql.body.data!.call.id).toBe(before[0].id);
    expect(gql.body.data!.call.utterances).toHaveLength(2);
  });

  it('never duplicates or loses a call when four overlapping requests run at once', async () => {
    const pool = calls(750, 10_000);
    // Request k carries calls [150k, 150k + 300): each overlaps the next by half.
    const requests = [0, 1, 2, 3].map((k) => pool.slice(150 * k, 150 * k + 300));
    const results = await Promise.all(requests.map((batch) => t.gql(INGEST, { calls: batch })));
    const totals = results.map((r) => {
      expect(r.body.errors).toBeUndefined();
      return r.body.data!.ingestCalls;
    });
    expect(totals.reduce((s, r) => s + r.inserted, 0)).toBe(750);
    expect(totals.reduce((s, r) => s + r.inserted + r.skipped, 0)).toBe(1_200);
    expect(totals.every((r) => r.failed === 0 && r.updated === 0)).toBe(true);
    const ids = pool.map((c) => c.callId);
    const [row] = await queryRows<{ n: number; distinct_ids: number }>(
      t.db,
      sql`select count(*)::int as n, count(distinct call_id)::int as distinct_ids from calls where call_id = any(${textArray(ids)})`,
    );
    expect(row).toEqual({ n: 750, distinct_ids: 750 });
  });

  it('rejects more than 5,000 items as a whole with BAD_USER_INPUT and writes nothing', async () => {
    const tiny = Array.from({ length: 5_001 }, (_, i) => ({
      callId: `LIMIT-${i}`, agentId: 'AGENT-LIMIT', agentName: 'Limit Agent', customerId: 'CUST-LIMIT', customerName: 'Limit Customer',
      startTime: '2026-01-01T00:00:00Z', durationSeconds: 60, transcript: 'Agent: hello there, how are you?',
    }));
    const res = await t.gql(INGEST, { calls: tiny });
    expect(res.body.data).toBeNull();
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'calls' });
    expect(res.body.errors![0].message).toContain('5000');
    expect(res.body.errors![0].message).toContain('5001');
    expect(await count(t, sql`call_id like 'LIMIT-%'`)).toBe(0);
    const [agents] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from agents where agent_id = 'AGENT-LIMIT'`);
    expect(agents.n).toBe(0);
  });

  it('keeps the first occurrence of a callId in a batch and reports later ones as DUPLICATE_IN_BATCH', async () => {
    const [a, b] = calls(2, 20_000);
    const res = await t.gql(INGEST, { calls: [a, b, { ...a, durationSeconds: 77 }] });
    expect(res.body.data!.ingestCalls).toMatchObject({ received: 3, inserted: 2, failed: 1 });
    expect(res.body.data!.ingestCalls.errors).toEqual([
      { index: 2, callId: a.callId, code: 'DUPLICATE_IN_BATCH', message: expect.stringContaining(a.callId) },
    ]);
    const [row] = await queryRows<{ duration_seconds: number }>(t.db, sql`select duration_seconds from calls where call_id = ${a.callId}`);
    expect(row.duration_seconds).toBe(a.durationSeconds);
  });

  it('reports an unknown agent without a name, creates a named one and never renames an existing agent', async () => {
    const [x, y, z] = calls(3, 30_000);
    const existing = x.agentId; // created by the first test, with its generated name
    const [{ name: before }] = await queryRows<{ name: string }>(t.db, sql`select name from agents where agent_id = ${existing}`);
    const res = await t.gql(INGEST, {
      calls: [
        { ...x, agentId: 'AGENT-NOBODY', agentName: null },
        { ...y, agentId: 'AGENT-NEWBIE', agentName: 'Nina Newbie' },
        { ...z, agentName: 'Someone Else' },
      ],
    });
    expect(res.body.data!.ingestCalls).toMatchObject({ received: 3, inserted: 2, failed: 1 });
    expect(res.body.data!.ingestCalls.errors).toEqual([
      { index: 0, callId: x.callId, code: 'UNKNOWN_AGENT', message: expect.stringContaining('AGENT-NOBODY') },
    ]);
    const agents = await queryRows<{ agent_id: string; name: string }>(
      t.db,
      sql`select agent_id, name from agents where agent_id in ('AGENT-NOBODY', 'AGENT-NEWBIE', ${existing}) order by agent_id`,
    );
    expect(agents).toEqual(
      [
        { agent_id: existing, name: before },
        { agent_id: 'AGENT-NEWBIE', name: 'Nina Newbie' },
      ].sort((p, q) => (p.agent_id < q.agent_id ? -1 : 1)),
    );
    expect(await count(t, sql`call_id = ${x.callId}`)).toBe(0);
  });

  it('publishes one calls.changed event per committed batch with the changed call, agent and customer ids', async () => {
    const batch = calls(3, 50_000);
    events.length = 0;
    const res = await t.gql(INGEST, { calls: batch });
    expect(res.body.data!.ingestCalls.inserted).toBe(3);
    await waitFor(() => events.length > 0);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect([...event.callIds].sort()).toEqual(batch.map((c) => c.callId).sort());
    expect([...event.agentIds].sort()).toEqual([...new Set(batch.map((c) => c.agentId))].sort());
    expect([...event.customerIds].sort()).toEqual([...new Set(batch.map((c) => c.customerId))].sort());
    expect(Date.now() - Date.parse(event.at)).toBeLessThan(10_000);
    // A re-send changes nothing, so it announces nothing.
    events.length = 0;
    await t.gql(INGEST, { calls: batch });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toHaveLength(0);
  });

  it('refreshes the analytics views shortly after an ingestion', async () => {
    const batch = calls(5, 60_000).map((c) => ({ ...c, agentId: 'AGENT-VIEWS', agentName: 'View Agent' }));
    await t.gql(INGEST, { calls: batch });
    await waitFor(async () => {
      const rows = await queryRows<{ total_calls: number }>(t.db, sql`select total_calls::int as total_calls from mv_agent_analytics where agent_id = 'AGENT-VIEWS'`);
      return rows[0]?.total_calls === 5;
    });
    const [totals] = await queryRows<{ view: number; calls: number }>(
      t.db,
      sql`select (select sum(total_calls)::int from mv_agent_analytics) as view, (select count(*)::int from calls) as calls`,
    );
    expect(totals.view).toBe(totals.calls);
  });

  it('upserts agents: creates new ones, updates names and emails, and reports bad and duplicate items', async () => {
    const res = await t.gql(UPSERT_AGENTS, {
      agents: [
        { agentId: 'AGENT-UP-1', name: 'Una', email: 'una@example.com' },
        { agentId: 'AGENT-NEWBIE', name: 'Nina Renamed', email: null },
        { agentId: 'AGENT-UP-2', name: '', email: 'not-an-email' },
        { agentId: 'AGENT-UP-1', name: 'Una Again' },
      ],
    });
    expect(res.body.data!.upsertAgents).toMatchObject({ received: 4, inserted: 1, updated: 1, failed: 2 });
    const [bad, duplicate] = res.body.data!.upsertAgents.errors;
    expect(bad).toMatchObject({ index: 2, code: 'BAD_USER_INPUT' });
    expect(bad.message).toContain('name');
    expect(bad.message).toContain('email');
    expect(duplicate).toMatchObject({ index: 3, code: 'DUPLICATE_IN_BATCH' });
    const rows = await queryRows<{ agent_id: string; name: string; email: string | null }>(
      t.db,
      sql`select agent_id, name, email from agents where agent_id in ('AGENT-UP-1', 'AGENT-NEWBIE', 'AGENT-UP-2') order by agent_id`,
    );
    expect(rows).toEqual([
      { agent_id: 'AGENT-NEWBIE', name: 'Nina Renamed', email: null },
      { agent_id: 'AGENT-UP-1', name: 'Una', email: 'una@example.com' },
    ]);
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
