import 'reflect-metadata';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { ensureDatabase } from './database.js';
import { formatTable, runScenario, type Scenario, type ScenarioResult, send } from './load.js';

/*
 * npm run bench -- [--calls 200000] [--database-url URL] [--seconds 10] [--concurrency 8]
 *
 * Loads --calls generated calls (through the real ingestion pipeline, once:
 * later runs reuse the database) into a PostgreSQL database, starts the
 * compiled gateway as its own process, and measures the dashboard's reads
 * from a closed-loop HTTP client, then similarity recall@5 against exact search.
 * The database of --database-url is created (from the server's `postgres`
 * database) when missing, and kept: calls already in it are reused.
 */
const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '200000' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/parley_bench' },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '8' },
    'recall-samples': { type: 'string', default: '200' },
  },
});
const calls = Number(values.calls);
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const databaseUrl = values['database-url']!;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function countCalls(sql: postgres.Sql): Promise<number> {
  const [{ exists }] = await sql`select to_regclass('public.calls') is not null as exists`;
  if (!exists) return 0;
  const [{ n }] = await sql`select count(*)::int as n from calls`;
  return n;
}

/**
 * Bulk load, as the PGlite/pgvector notes advise: the HNSW index is dropped
 * while the calls go in through the ingestion pipeline and built once at the
 * end (keeping it costs ~4 ms per inserted row on this machine).
 */
async function load(sql: postgres.Sql, missing: number): Promise<void> {
  log(`loading ${calls} calls through the ingestion pipeline (npm run seed); existing ones are skipped`);
  const started = Date.now();
  // Migrate first (a fresh database has no tables yet), then drop the index the migration made.
  const migrated = spawnSync(process.execPath, [path.join(root, 'dist/src/cli/migrate.js')], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  });
  if (migrated.status !== 0) throw new Error(`migrating failed with exit code ${migrated.status}`);
  await sql`drop index if exists calls_embedding_hnsw_idx`;
  const result = spawnSync(process.execPath, [path.join(root, 'dist/src/cli/seed.js'), '--calls', String(calls), '--seed', '42'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  });
  if (result.status !== 0) throw new Error(`seeding failed with exit code ${result.status}`);
  log(`loaded ${missing} new calls in ${((Date.now() - started) / 1000).toFixed(0)} s; building the HNSW index`);
  const indexStarted = Date.now();
  await sql.begin(async (tx) => {
    await tx`set local maintenance_work_mem = '1GB'`;
    // The same definition as drizzle/0001_tables.sql.
    await tx`create index if not exists calls_embedding_hnsw_idx on calls using hnsw (embedding vector_cosine_ops)`;
  });
  log(`built the HNSW index in ${((Date.now() - indexStarted) / 1000).toFixed(0)} s`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startGateway(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'dist/src/main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', DEMO_SEED: 'false' },
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('the gateway did not become ready');
}

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];

function scenarios(sample: { callIds: string[]; agentIds: string[]; from: string; to: string }): Scenario[] {
  return [
    {
      name: 'recent calls of one agent (50, with agent and customer)',
      query: 'query($a: ID!) { calls(filter: { agentId: $a }, first: 50) { nodes { callId startTime customerSentimentScore agent { name } customer { name } } } }',
      variables: () => ({ a: pick(sample.agentIds) }),
    },
    {
      name: 'one call by callId with agent and customer',
      query: 'query($c: ID!) { call(callId: $c) { callId startTime durationSeconds agent { name } customer { name } } }',
      variables: () => ({ c: pick(sample.callIds) }),
    },
    {
      name: 'agent leaderboard',
      query: '{ analytics { agentLeaderboard(first: 10) { rank totalCalls avgSentiment agent { name } } } }',
      variables: () => ({}),
    },
    {
      name: 'full-text search (20, with headline)',
      query: 'query($q: String!) { searchCalls(query: $q, first: 20) { edges { rank headline node { callId agent { name } } } } }',
      variables: () => ({ q: pick(['pricing', 'too expensive', 'integration API', 'cancel the contract', 'security review', 'onboarding', 'discount']) }),
    },
    {
      name: 'filtered page (sentiment <= -0.5, > 600 s, date range, offset 500)',
      query:
        'query($from: DateTime, $to: DateTime) { calls(filter: { maxSentiment: -0.5, minDurationSeconds: 601, from: $from, to: $to }, first: 50, offset: 500) { nodes { callId customerSentimentScore durationSeconds } } }',
      variables: () => ({ from: sample.from, to: sample.to }),
    },
    {
      name: 'similar calls top 5',
      query: 'query($c: ID!) { call(callId: $c) { similarCalls(first: 5) { similarity call { callId } } } }',
      variables: () => ({ c: pick(sample.callIds) }),
    },
  ];
}

/** recall@5 of the API's similarCalls (HNSW) against exact nearest neighbours by full scan. */
async function recallAt5(sql: postgres.Sql, url: string, callIds: string[]): Promise<number> {
  let hits = 0;
  let total = 0;
  for (const callId of callIds) {
    const exact = await sql.begin(async (tx) => {
      await tx`set local enable_indexscan = off`;
      await tx`set local enable_bitmapscan = off`;
      return tx`select c.call_id from calls c, calls s
                where s.call_id = ${callId} and c.call_id <> s.call_id and c.embedding is not null and c.embedding_model = s.embedding_model
                order by c.embedding <=> s.embedding, c.call_id limit 5`;
    });
    const { body } = await send(url, 'query($c: ID!) { call(callId: $c) { similarCalls(first: 5) { call { callId } } } }', { c: callId });
    const got = new Set<string>((body.data?.call?.similarCalls ?? []).map((s: any) => s.call.callId));
    for (const row of exact) if (got.has(row.call_id)) hits += 1;
    total += exact.length;
  }
  return total ? hits / total : NaN;
}

await ensureDatabase(databaseUrl);
const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
const present = await countCalls(sql);
if (present < calls) await load(sql, calls - present);
const [{ n: total }] = await sql`select count(*)::int as n from calls`;
await sql`analyze calls`;
// About 5,000 sampled calls: 2 % of 200,000, all of a small database.
const samplePercent = Math.min(100, (100 * 5000) / Math.max(1, total));
const callIds = (await sql`select call_id from calls tablesample system (${samplePercent}) limit 5000`).map((r) => r.call_id as string);
const agentIds = (await sql`select agent_id from agents`).map((r) => r.agent_id as string);
const [range] = await sql`select min(start_time) as lo, max(start_time) as hi from calls`;
const mid = new Date((new Date(range.lo).getTime() + new Date(range.hi).getTime()) / 2);
const sample = { callIds, agentIds, from: new Date(range.lo).toISOString(), to: mid.toISOString() };

const port = await freePort();
const gateway = await startGateway(port);
const url = `http://127.0.0.1:${port}/graphql`;
const results: ScenarioResult[] = [];
try {
  log(`${total} calls, ${agentIds.length} agents; ${concurrency} concurrent clients, ${seconds} s per scenario`);
  for (const scenario of scenarios(sample)) {
    const result = await runScenario(url, scenario, seconds, concurrency);
    if (result.firstError) log(`${scenario.name}: first error ${result.firstError}`);
    results.push(result);
  }
  const recall = await recallAt5(sql, url, callIds.slice(0, Number(values['recall-samples'])));
  process.stdout.write(`\nParley read benchmark: ${total} calls in PostgreSQL, ${concurrency} clients, ${seconds} s each\n\n`);
  process.stdout.write(`${formatTable(results)}\n\nsimilarity recall@5 vs exact search (${Math.min(callIds.length, Number(values['recall-samples']))} calls): ${recall.toFixed(3)}\n`);
} finally {
  gateway.kill('SIGTERM');
  await sql.end();
}
