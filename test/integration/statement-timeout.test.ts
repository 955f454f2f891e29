import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';

const TIMEOUT_MS = 1_000;
const CALLS = 96;

/**
 * Legitimately slow: ts_headline re-parses each matching transcript (190,000
 * characters, a legal size) for the excerpt, 96 of them in one statement: ~36 ms
 * each on an idle PostgreSQL 15 of this machine's kind (24 of them once took 0.86 s,
 * under the timeout), so several seconds in both modes, far over the 1 s timeout.
 */
const SLOW_SEARCH = `{ searchCalls(query: "pricing", first: ${CALLS}) { totalCount edges { headline node { callId } } } }`;
const LIST = `{ calls(first: 100, orderBy: START_TIME_DESC) { totalCount nodes { callId } } }`;
const INGEST = `mutation { ingestCalls(calls: [{ callId: "AFTER-1", agentId: "A-SLOW", customerId: "CU-SLOW",
  startTime: "2026-03-01T14:05:00Z", durationSeconds: 60, transcript: "Agent: Hi.\\nCustomer: Hello." }]) { inserted failed } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testModes)('DATABASE_STATEMENT_TIMEOUT_MS on the %s database', (mode) => {
  let t: TestParley;
  const ids = Array.from({ length: CALLS }, (_, i) => `SLOW-${String(i + 1).padStart(2, '0')}`);

  beforeAll(async () => {
    t = await startTestParley(mode, { DATABASE_STATEMENT_TIMEOUT_MS: String(TIMEOUT_MS) });
    // The fixture's own statements are slow too: lift the timeout for this transaction only, as ingestion does.
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('statement_timeout', '0', true)`);
      await tx.execute(sql`insert into agents (agent_id, name) values ('A-SLOW', 'Slow Agent')`);
      await tx.execute(sql`insert into customers (customer_id, name) values ('CU-SLOW', 'Slow Co')`);
      await tx.execute(sql`insert into calls (call_id, agent_id, customer_id, start_time, duration_seconds, transcript,
          agent_talk_ratio, customer_sentiment_score, agent_sentiment_score, utterances, insights, coaching_nudges)
        select 'SLOW-' || lpad(g::text, 2, '0'), 'A-SLOW', 'CU-SLOW', timestamptz '2026-01-01' + g * interval '1 hour', 600,
          (select string_agg('Agent: we talk about pricing and plan ' || md5((g * 100000 + i)::text) || E'.\nCustomer: the budget is '
            || md5((g * 100000 + i + 1)::text) || '.', E'\n') from generate_series(1, 2000) i),
          0.5, 0, 0, '[]', '{}', '[]'
        from generate_series(1, ${CALLS}) g`);
    });
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('cancels a slow GraphQL query at the timeout with SERVICE_UNAVAILABLE, answers other requests meanwhile, and (embedded) serves the same data afterwards', async () => {
    const started = Date.now();
    let done = false;
    const slow = t.gql(SLOW_SEARCH).then((res) => {
      done = true;
      return { res, ms: Date.now() - started };
    });
    // /health in a loop while the slow request runs: the longest wait between two answers
    // shows whether anything blocks the server (the server runs in this process).
    let answered = 0;
    let last = started;
    let longestGap = 0;
    while (!done) {
      const res = await fetch(`${t.url}/health`);
      expect(res.status).toBe(200);
      answered += 1;
      longestGap = Math.max(longestGap, Date.now() - last);
      last = Date.now();
      await sleep(20);
    }
    const { res, ms } = await slow;
    longestGap = Math.max(longestGap, Date.now() - last);

    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(res.body.errors![0].message).toMatch(/^the database did not answer in time \(statement timeout\) \(57014\); try again shortly/);
    // The statements before the slow one, and a busy machine, add a little to the timeout.
    expect(ms).toBeLessThan(TIMEOUT_MS + 3_000);
    // Before the fix the embedded database blocked this process for the whole statement (8.2 s
    // between two answers, measured); a busy machine alone pauses it for a few hundred ms.
    expect(longestGap, `${answered} answers to /health while it ran`).toBeLessThan(2 * TIMEOUT_MS);

    // Still serving, with every call intact (embedded: on a reopened database), and writable.
    // On PostgreSQL this is the next query on the connection whose statement was cancelled:
    // postgres.js hands it a result with holes (porsager/postgres#1119), which queryRows closes.
    const list = await t.gql(LIST);
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data!.calls.totalCount).toBe(CALLS);
    expect(list.body.data!.calls.nodes.map((n: { callId: string }) => n.callId).sort()).toEqual(ids);
    const ingest = await t.gql(INGEST);
    expect(ingest.body.errors).toBeUndefined();
    expect(ingest.body.data!.ingestCalls).toEqual({ inserted: 1, failed: 0 });
    expect((await t.gql(LIST)).body.data!.calls.totalCount).toBe(CALLS + 1);
  });

  it('rolls back the transaction whose statement timed out, and lets a transaction raise its own timeout', async () => {
    const attempt = t.db.transaction(async (tx) => {
      await tx.execute(sql`insert into agents (agent_id, name) values ('A-LOST', 'Never Committed')`);
      await tx.execute(sql`select pg_sleep(30)`);
    });
    await expect(attempt).rejects.toMatchObject({ cause: { code: '57014' } });
    expect(await queryRows(t.db, sql`select agent_id from agents where agent_id = 'A-LOST'`)).toEqual([]);

    // The same sleep, shorter than the transaction's own timeout and longer than the session's, completes.
    const rows = await t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('statement_timeout', ${String(TIMEOUT_MS * 5)}, true)`);
      await tx.execute(sql`select pg_sleep(${(TIMEOUT_MS * 1.5) / 1000})`);
      return queryRows<{ ms: string }>(tx, sql`select setting as ms from pg_settings where name = 'statement_timeout'`);
    });
    expect(rows).toEqual([{ ms: String(TIMEOUT_MS * 5) }]);
    // ... and the session's timeout is back once it ended.
    expect(await queryRows(t.db, sql`select setting as ms from pg_settings where name = 'statement_timeout'`)).toEqual([{ ms: String(TIMEOUT_MS) }]);
  });
});
