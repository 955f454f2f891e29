import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { openDatabase, queryRows } from '../../src/db/client.js';
import { textArray } from '../../src/db/sql.js';
import { CALLS_CHANGED_CHANNEL, type CallsChangedEvent, decodeCallsChanged } from '../../src/ingestion/events.js';
import { createEnricher, type Enricher, embeddingProviderFromConfig } from '../../src/ingestion/enrichment/enricher.js';
import { IngestionWriter } from '../../src/ingestion/ingestion.writer.js';
import { reembedCalls } from '../../src/ingestion/reembed.js';
import { ViewRefresher } from '../../src/ingestion/view-refresher.js';
import { createLogger } from '../../src/observability/logger.js';
import { generateCalls } from '../../src/synthetic/generator.js';
import type { SyntheticCall } from '../../src/synthetic/types.js';
import { runCli } from '../support/cli.js';
import { createTestDatabase, startTestParley, type TestParley } from '../support/harness.js';
import { insertEmbeddedCalls } from '../support/embedded-fixtures.js';
import { testModes } from '../support/modes.js';

const INGEST = /* GraphQL */ `
  mutation Ingest($calls: [CallInput!]!, $onConflict: ConflictPolicy) {
    ingestCalls(calls: $calls, onConflict: $onConflict) {
      received inserted updated skipped failed
      errors { index callId code message }
    }
  }`;

const until = new Date(Date.now() - 60_000);
const calls = (count: number, offset: number): SyntheticCall[] => [...generateCalls({ calls: count, seed: 31, offset, customers: 40, until })];
const countWhere = async (t: TestParley, where: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from calls where ${where}`))[0].n;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A transcript of about `chars` characters that every log line can be searched for. */
function longTranscript(chars: number, marker: string): string {
  const turn = `Agent: We talked about the ${marker} pricing and the rollout plan for next quarter.\nCustomer: That sounds expensive but the support is great.\n`;
  return turn.repeat(Math.ceil(chars / turn.length)).slice(0, chars);
}

describe.each(testModes)('ingestion hardening on the %s database', (mode) => {
  let t: TestParley;
  const events: CallsChangedEvent[] = [];
  let unsubscribe: () => Promise<void>;

  beforeAll(async () => {
    t = await startTestParley(mode, { VIEW_REFRESH_DEBOUNCE_MS: '60000' });
    unsubscribe = await t.parley.cache.subscribe(CALLS_CHANGED_CHANNEL, (message) => {
      const event = decodeCallsChanged(message);
      if (event) events.push(event);
    });
  });
  afterAll(async () => {
    await unsubscribe?.();
    await t?.stop();
  });

  it('writes a large legal batch under the ingestion timeout, not the API statement timeout', async () => {
    // The API's 300 ms would cancel one INSERT of these 40 calls of 200,000 characters.
    const strict = await startTestParley(mode, { DATABASE_STATEMENT_TIMEOUT_MS: '300' });
    try {
      const batch = calls(40, 400_000).map((c, i) => ({ ...c, callId: `LARGE-${i}`, transcript: longTranscript(200_000, 'large') }));
      const res = await strict.gql(INGEST, { calls: batch });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.ingestCalls).toMatchObject({ received: 40, inserted: 40, failed: 0 });
      // This check reads 8 MB of transcripts: longer than the 300 ms this server allows (both modes enforce it).
      const [row] = await strict.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('statement_timeout', '0', true)`);
        return queryRows<{ n: number; chars: number }>(tx, sql`select count(*)::int as n, min(length(transcript))::int as chars from calls where call_id like 'LARGE-%'`);
      });
      expect(row).toEqual({ n: 40, chars: 200_000 });
    } finally {
      await strict.stop();
    }
  });

  it('reads every line of an NDJSON file past values PostgreSQL cannot store, writing them to the reject file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-hardening-cli-'));
    let drop: (() => Promise<void>) | undefined;
    try {
      const env: Record<string, string> = {};
      if (mode === 'postgres') {
        const database = await createTestDatabase();
        drop = database.drop;
        env.DATABASE_URL = database.url;
      } else {
        env.DATA_DIR = path.join(dir, 'data');
      }
      const [a, b, c, d, e] = calls(5, 500_000);
      const input = path.join(dir, 'calls.ndjson');
      const lines = [
        JSON.stringify(a),
        JSON.stringify({ ...b, startTime: '0000-01-01T00:00:00Z' }),
        JSON.stringify({ ...c, startTime: '2026-02-30T10:00:00Z' }),
        // A lone surrogate as JSON spells it, the way a client library would send it.
        JSON.stringify({ ...d, transcript: 'Agent: Hi.\nCustomer: XX here.' }).replace('XX', '\\ud800'),
        JSON.stringify(e),
      ];
      writeFileSync(input, `${lines.join('\n')}\n`);
      const result = await runCli('ingest.js', [input, '--rejects', path.join(dir, 'rejects.ndjson')], env);
      expect(result.stderr).not.toContain('stopped');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('inserted 2,');
      const rejects = readFileSync(path.join(dir, 'rejects.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; code: string; message: string });
      expect(rejects.map((r) => [r.line, r.code, r.message.split(' ')[0]])).toEqual([
        [2, 'BAD_USER_INPUT', 'startTime'],
        [3, 'BAD_USER_INPUT', 'startTime'],
        [4, 'BAD_USER_INPUT', 'transcript'],
      ]);
      const config = parseConfig({ ...env, LOG_LEVEL: 'silent' });
      const handle = await openDatabase(config, createLogger(config));
      try {
        const stored = await queryRows<{ call_id: string }>(handle.db, sql`select call_id from calls order by call_id`);
        expect(stored.map((r) => r.call_id)).toEqual([a.callId, e.callId].sort());
      } finally {
        await handle.close();
      }
    } finally {
      await drop?.();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers a failing embedding provider with SERVICE_UNAVAILABLE and an errorId, keeping its URL and answer in the log', async () => {
    const key = 'sk-test-0123456789abcdef';
    const provider: Server = createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${key}. You can find your API key at https://platform.example.com/keys` } }));
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const port = (provider.address() as AddressInfo).port;
    const remote = await startTestParley(mode, {
      EMBEDDING_PROVIDER: 'openai-compatible',
      EMBEDDING_BASE_URL: `http://127.0.0.1:${port}/v1`,
      EMBEDDING_MODEL: 'text-embedding-test',
      EMBEDDING_API_KEY: key,
    });
    try {
      const res = await remote.gql(INGEST, { calls: calls(2, 600_000) });
      expect(res.body.data).toBeNull();
      const [error] = res.body.errors!;
      expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      const sent = JSON.stringify(res.body);
      for (const secret of ['127.0.0.1', String(port), key, 'platform.example.com', 'Incorrect API key']) expect(sent).not.toContain(secret);
      const line = remote.logs.find((l) => l.includes(error.extensions!.errorId));
      expect(line).toContain('HTTP 401');
      expect(remote.logs.filter((l) => l.includes(key))).toEqual([]);
      expect(await (async () => (await queryRows<{ n: number }>(remote.db, sql`select count(*)::int as n from calls`))[0].n)()).toBe(0);
    } finally {
      await remote.stop();
      await new Promise((resolve) => provider.close(resolve));
    }
  });

  it('stores every call when three concurrent batches create the same new agent and customer', async () => {
    for (let round = 0; round < 3; round++) {
      const requests = [0, 1, 2].map((r) =>
        calls(120, 100_000 + round * 1_000 + r * 200).map((c, i) => ({
          ...c,
          callId: `RACE-${round}-${r}-${i}`,
          agentId: `AGENT-RACE-${round}`,
          agentName: `Racing Agent ${round}`,
          customerId: `CUST-RACE-${round}`,
          customerName: `Racing Customer ${round}`,
        })),
      );
      const results = await Promise.all(requests.map((batch) => t.gql(INGEST, { calls: batch })));
      for (const res of results) {
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data!.ingestCalls.errors).toEqual([]);
        expect(res.body.data!.ingestCalls).toMatchObject({ received: 120, inserted: 120, failed: 0 });
      }
      expect(await countWhere(t, sql`agent_id = ${`AGENT-RACE-${round}`} and customer_id = ${`CUST-RACE-${round}`}`)).toBe(360);
    }
  });

  it('reports values PostgreSQL cannot store as per-item BAD_USER_INPUT naming the field, and stores their siblings', async () => {
    const [good1, good2, year0, feb30, surrogate, tooLate] = calls(6, 200_000);
    const batch = [
      good1,
      { ...year0, startTime: '0000-01-01T00:00:00Z' },
      { ...feb30, startTime: '2026-02-30T10:00:00Z' },
      { ...surrogate, transcript: `Agent: Hello there.\nCustomer: broken \ud800 text here.` },
      good2,
      { ...tooLate, startTime: '9999-12-31T23:30:00-05:00' },
    ];
    const res = await t.gql(INGEST, { calls: batch });
    expect(res.body.errors).toBeUndefined();
    const result = res.body.data!.ingestCalls;
    expect(result).toMatchObject({ received: 6, inserted: 2, failed: 4 });
    expect(result.errors.map((e: { index: number; code: string; message: string }) => [e.index, e.code, e.message.split(' ')[0]])).toEqual([
      [1, 'BAD_USER_INPUT', 'startTime'],
      [2, 'BAD_USER_INPUT', 'startTime'],
      [3, 'BAD_USER_INPUT', 'transcript'],
      [5, 'BAD_USER_INPUT', 'startTime'],
    ]);
    expect(result.errors[1].message).toContain('not a real calendar date');
    expect(await countWhere(t, sql`call_id = any(${textArray([good1.callId, good2.callId])})`)).toBe(2);
    // 2026-02-30 was never stored as March 2nd.
    expect(await countWhere(t, sql`call_id = ${feb30.callId}`)).toBe(0);
  });

  it('rejects a NUL byte or a lone surrogate in an agent or customer email per item, and upserts the rest', async () => {
    for (const [mutation, idField] of [
      ['upsertAgents(agents: $items)', 'agentId'],
      ['upsertCustomers(customers: $items)', 'customerId'],
    ] as const) {
      const type = idField === 'agentId' ? 'AgentInput' : 'CustomerInput';
      const res = await t.gql(`mutation($items: [${type}!]!) { ${mutation} { received inserted failed errors { index code message } } }`, {
        items: [
          { [idField]: `${idField}-NUL-1`, name: 'Nul Mail', email: 'a\u0000b@example.com' },
          { [idField]: `${idField}-NUL-2`, name: 'Good Mail', email: 'good@example.com' },
          { [idField]: `${idField}-NUL-3`, name: 'Bad Unicode', email: 'x\udc00y@example.com' },
        ],
      });
      expect(res.body.errors).toBeUndefined();
      const result = Object.values(res.body.data!)[0] as { inserted: number; failed: number; errors: { index: number; code: string; message: string }[] };
      expect(result).toMatchObject({ inserted: 1, failed: 2 });
      expect(result.errors.map((e) => [e.index, e.code])).toEqual([
        [0, 'BAD_USER_INPUT'],
        [2, 'BAD_USER_INPUT'],
      ]);
      for (const error of result.errors) expect(error.message).toMatch(/^email must not contain/);
    }
  });

  it('answers unstorable instants in filters with BAD_USER_INPUT naming the argument', async () => {
    for (const [query, argument] of [
      ['{ calls(filter: { from: "0000-01-01T00:00:00Z" }) { totalCount } }', 'filter.from'],
      ['{ calls(filter: { to: "2026-02-30T00:00:00Z" }) { totalCount } }', 'filter.to'],
      ['{ searchCalls(query: "pricing", filter: { from: "0000-06-01T00:00:00Z" }) { totalCount } }', 'filter.from'],
      ['{ analytics(filter: { from: "0000-01-01T00:00:00Z" }) { totals { totalCalls } } }', 'filter.from'],
      ['{ analytics(filter: { to: "2025-02-29T00:00:00Z" }) { totals { totalCalls } } }', 'filter.to'],
      ['{ agents(first: 1) { nodes { stats(from: "0000-01-01T00:00:00Z") { totalCalls } } } }', 'from'],
      ['{ customers(first: 1) { nodes { calls(filter: { from: "2026-04-31T00:00:00Z" }) { totalCount } } } }', 'filter.from'],
    ] as const) {
      const res = await t.gql(query);
      expect(res.body.errors, query).toHaveLength(1);
      expect(res.body.errors![0].extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('isolates a call the database refuses although it passed validation, and stores its 29 siblings', async () => {
    // A constraint only this test knows: the 16th of 30 rows (in the second INSERT of ten) violates it.
    await t.db.execute(sql`alter table calls add constraint test_poison check (call_id <> 'POISON-15')`);
    try {
      const batch = calls(30, 300_000).map((c, i) => ({ ...c, callId: `POISON-${String(i).padStart(2, '0')}`, agentId: 'AGENT-POISON', agentName: 'Poison' }));
      const res = await t.gql(INGEST, { calls: batch });
      expect(res.body.errors).toBeUndefined();
      const result = res.body.data!.ingestCalls;
      expect(result).toMatchObject({ received: 30, inserted: 29, failed: 1 });
      expect(result.errors).toEqual([{ index: 15, callId: 'POISON-15', code: 'BAD_USER_INPUT', message: expect.stringContaining('test_poison') }]);
      expect(await countWhere(t, sql`call_id like 'POISON-%'`)).toBe(29);
    } finally {
      await t.db.execute(sql`alter table calls drop constraint test_poison`);
    }
  });

  it('writes nothing of a batch that fails half-way for another reason, and never logs its transcripts', async () => {
    await t.db.execute(sql`create function test_explode() returns trigger language plpgsql as $$
      begin if new.call_id = 'BOOM-15' then raise exception 'boom'; end if; return new; end $$`);
    await t.db.execute(sql`create trigger test_explode before insert on calls for each row execute function test_explode()`);
    try {
      const marker = `secretword${mode}`;
      const batch = calls(30, 310_000).map((c, i) => ({
        ...c,
        callId: `BOOM-${String(i).padStart(2, '0')}`,
        agentId: 'AGENT-BOOM',
        agentName: 'Boom',
        transcript: longTranscript(2_000, marker),
      }));
      const res = await t.gql(INGEST, { calls: batch });
      expect(res.body.data).toBeNull();
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(await countWhere(t, sql`call_id like 'BOOM-%'`)).toBe(0);
      const [agents] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from agents where agent_id = 'AGENT-BOOM'`);
      expect(agents.n).toBe(0);
      const line = t.logs.find((l) => l.includes(res.body.errors![0].extensions!.errorId));
      expect(line).toContain('boom');
      expect(t.logs.filter((l) => l.includes(marker))).toEqual([]);
    } finally {
      await t.db.execute(sql`drop trigger test_explode on calls`);
      await t.db.execute(sql`drop function test_explode()`);
    }
  });

  it('names the old and the new agent and customer in calls.changed when an UPDATE moves a call', async () => {
    const [call] = calls(1, 320_000);
    const first = { ...call, callId: 'MOVED-1', agentId: 'AGENT-FROM', agentName: 'From', customerId: 'CUST-FROM', customerName: 'From Co' };
    expect((await t.gql(INGEST, { calls: [first] })).body.data!.ingestCalls.inserted).toBe(1);
    await waitFor(() => events.some((e) => e.callIds.includes('MOVED-1')));
    events.length = 0;
    const moved = { ...first, agentId: 'AGENT-TO', agentName: 'To', customerId: 'CUST-TO', customerName: 'To Co' };
    expect((await t.gql(INGEST, { calls: [moved], onConflict: 'UPDATE' })).body.data!.ingestCalls.updated).toBe(1);
    await waitFor(() => events.length > 0);
    expect(events[0].callIds).toEqual(['MOVED-1']);
    expect([...events[0].agentIds].sort()).toEqual(['AGENT-FROM', 'AGENT-TO']);
    expect([...events[0].customerIds].sort()).toEqual(['CUST-FROM', 'CUST-TO']);
  });

  it('never lets a re-embedding overwrite the vector of a call whose text changed since it was read', async () => {
    const { callIds } = await insertEmbeddedCalls(t.db, { calls: 3, seed: 41, offset: 330_000, embeddingModel: 'an-older-model' });
    const [changedId] = callIds;
    const logger = createLogger({ LOG_LEVEL: 'silent' });
    const real = createEnricher(embeddingProviderFromConfig(t.config), 0);
    let raced = false;
    // The real enricher; while it computes the first batch, an UPDATE stores a new text (and that text's vector).
    const racing: Enricher = {
      modelId: real.modelId,
      workers: 0,
      close: () => real.close(),
      enrich: async (items) => {
        const outcomes = await real.enrich(items);
        if (!raced) {
          raced = true;
          const [source] = calls(1, 330_100);
          const transcript = 'Agent: A completely new conversation about security reviews.\nCustomer: We need SOC 2 before we sign.';
          const res = await t.gql(INGEST, { calls: [{ ...source, callId: changedId, transcript }], onConflict: 'UPDATE' });
          expect(res.body.data!.ingestCalls.updated).toBe(1);
        }
        return outcomes;
      },
    };
    const writer = new IngestionWriter({
      db: t.db,
      cache: t.parley.cache,
      refresher: new ViewRefresher(t.db, logger, { debounceMs: null, retryMinMs: 1_000, retryMaxMs: 60_000, timeoutMs: 600_000 }),
      logger,
      modelId: real.modelId,
      statement: { rows: 100, bytes: 1_000_000 },
      statementTimeoutMs: 60_000,
    });
    const vectorOf = async (callId: string) => (await queryRows<{ e: string; model: string }>(t.db, sql`select embedding::text as e, embedding_model as model from calls where call_id = ${callId}`))[0];
    try {
      const done = await reembedCalls({ db: t.db, enricher: racing, writer }, 100);
      expect(raced).toBe(true);
      expect(done).toBe(2);
      // The vector of the new text, from its ingestion, not the re-embedding's vector of the old one.
      const [expected] = await real.enrich([{ transcript: 'Agent: A completely new conversation about security reviews.\nCustomer: We need SOC 2 before we sign.', language: 'en' }]);
      const stored = await vectorOf(changedId);
      expect(stored.model).toBe(real.modelId);
      expect(parseVector(stored.e)).toEqual(parseVector((expected as { ok: true; value: { embedding: string } }).value.embedding));
      for (const callId of callIds.slice(1)) expect((await vectorOf(callId)).model).toBe(real.modelId);
    } finally {
      await writer.drain();
      await real.close();
    }
  });
});

describe.each(testModes.filter((m) => m === 'postgres'))('database failures during reads and writes on the %s database', () => {
  let t: TestParley;
  let locker: ReturnType<typeof postgres>;

  beforeAll(async () => {
    t = await startTestParley('postgres', { DATABASE_STATEMENT_TIMEOUT_MS: '300', INGEST_STATEMENT_TIMEOUT_MS: '600' });
    locker = postgres(t.config.DATABASE_URL!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await locker?.end({ timeout: 1 });
    await t?.stop();
  });

  /** Holds an ACCESS EXCLUSIVE lock on calls (as a long migration would) while `fn` runs. */
  async function withCallsLocked<T>(fn: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = locker.begin(async (tx) => {
      await tx`lock table calls in access exclusive mode`;
      locked();
      await released;
    });
    await isLocked;
    try {
      return await fn();
    } finally {
      release();
      await holding;
    }
  }

  it('answers a read cancelled by the statement timeout with SERVICE_UNAVAILABLE, not INTERNAL_SERVER_ERROR', async () => {
    const res = await withCallsLocked(() => t.gql('{ calls(first: 1) { nodes { callId } } }'));
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', errorId: expect.any(String) });
    expect(res.body.errors![0].message).toContain('did not answer in time');
    expect((await t.gql('{ calls(first: 1) { totalCount } }')).body.errors).toBeUndefined();
  });

  it('answers a write cancelled by its timeout with SERVICE_UNAVAILABLE, writes nothing and logs no transcript', async () => {
    const marker = 'lockedmarkerword';
    const batch = calls(5, 700_000).map((c) => ({ ...c, transcript: longTranscript(3_000, marker) }));
    // Under SKIP the existing ids are read first (the API's timeout); under UPDATE the write itself waits (the ingestion timeout).
    for (const onConflict of ['SKIP', 'UPDATE']) {
      const res = await withCallsLocked(() => t.gql(INGEST, { calls: batch, onConflict }));
      expect(res.body.data).toBeNull();
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(res.body.errors![0].message).toContain('did not answer in time');
      expect(res.body.errors![0].message).toContain('nothing of this batch was written');
    }
    expect(t.logs.filter((l) => l.includes(marker))).toEqual([]);
    expect(await countWhere(t, sql`call_id = any(${textArray(batch.map((c) => c.callId))})`)).toBe(0);
  });

  it('stops the ingest command with a one-line reason and no transcripts when a write times out', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-locked-cli-'));
    try {
      const marker = 'climarkerword';
      const input = path.join(dir, 'calls.ndjson');
      writeFileSync(input, `${calls(20, 710_000).map((c) => JSON.stringify({ ...c, transcript: longTranscript(20_000, marker) })).join('\n')}\n`);
      const result = await withCallsLocked(() =>
        runCli('ingest.js', [input, '--on-conflict', 'update'], { DATABASE_URL: t.config.DATABASE_URL!, INGEST_STATEMENT_TIMEOUT_MS: '300' }),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('ingest: stopped: the database did not answer in time');
      expect(result.stderr.length).toBeLessThan(1_000);
      expect(result.stderr + result.stdout).not.toContain(marker);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** pgvector prints float4 components in their shortest form; compare numbers, not spellings. */
const parseVector = (text: string) => (JSON.parse(text) as number[]).map((x) => Math.fround(x));

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}
