import 'reflect-metadata';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { ensureDatabase } from './database.js';
import { MB, RssSampler } from './gateway-memory.js';
import { formatTable, type LoadResult, mergeLoads, percentile, type Request, reqPerSec, runLoad, sendGet, sendGraphql } from './load.js';

/*
 * npm run bench -- [--calls 200000] [--database-url URL] [--seconds 10] [--concurrency 8] [--rounds 2] [--profile DIR]
 *                   [--only agent-calls,call,...] [--recall-samples 200]
 *
 * Loads --calls generated calls (through the real ingestion pipeline, once:
 * later runs reuse the database) into a PostgreSQL database, starts the
 * compiled gateway and the hand-written yardstick (bench/handwritten.ts) as
 * their own processes on the same database, and measures each dashboard
 * query on both from a closed-loop HTTP client, alternating the servers
 * round by round. Prints req/s, p50/p99 and Parley's ratio to the
 * hand-written server (absolute numbers are noisy on shared machines; the
 * ratio is the figure that counts), then similarity recall@5 against exact
 * search. --profile DIR makes both servers write a .cpuprofile there
 * (summarise it with `node dist/bench/cpu-profile.js FILE`).
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
    rounds: { type: 'string', default: '2' },
    'broad-word': { type: 'string', default: 'pricing' },
    /** Comma-separated scenario ids (agent-calls, call, leaderboard, search-rare, search-broad, filtered, similar): only these. */
    only: { type: 'string' },
    /** A folder: both servers write a .cpuprofile there when they stop. */
    profile: { type: 'string' },
  },
});
const calls = Number(values.calls);
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const rounds = Math.max(1, Number(values.rounds));
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
 * end (keeping it costs ~4 ms per inserted row on this machine); the
 * frequent words are listed again after it (listFrequentWords).
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
  // Likewise the frequent words' lists (their trigger would list each new call): rebuilt after the load.
  await sql`delete from search_terms`;
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

/**
 * `npm run search:terms`, as the README asks after a bulk load: lists the best
 * calls of the frequent words (quick when they are listed already).
 */
function listFrequentWords(): void {
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(root, 'dist/src/cli/search-terms.js')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  });
  if (result.status !== 0) throw new Error(`search:terms failed with exit code ${result.status}`);
  log(`${result.stdout.toString().trim()} (${((Date.now() - started) / 1000).toFixed(0)} s with start-up)`);
}

/**
 * How often Parley's top 20 for a frequent word (found in >= 5% of calls, the
 * words search_term_calls lists) equals the hand-written exact ts_rank top 20,
 * position by position, over up to 50 such words.
 */
async function broadAgreement(words: { word: string; share: number }[], url: string, handUrl: string): Promise<{ words: number; agree: number; positions: number }> {
  const chosen = words.filter((w) => w.share >= 0.05).slice(0, 50);
  let agree = 0;
  let positions = 0;
  const query = 'query($q: String!) { searchCalls(query: $q, first: 20) { edges { node { callId } } } }';
  for (const { word } of chosen) {
    const [parley, exact] = await Promise.all([sendGraphql(url, query, { q: word }), sendGet(`${handUrl}/search?${new URLSearchParams({ q: word })}`)]);
    const got: string[] = (parley.body.data?.searchCalls?.edges ?? []).map((e: any) => e.node.callId);
    const want: string[] = (exact.body ?? []).map((r: any) => r.callId);
    positions += want.length;
    want.forEach((callId, i) => {
      if (got[i] === callId) agree += 1;
    });
  }
  return { words: chosen.length, agree, positions };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error(`${url} did not answer`);
}

/** The compiled gateway, as users run it (NODE_ENV=production, LOG_LEVEL=warn). */
async function startGateway(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...profileArgs('parley'), path.join(root, 'dist/src/main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', DEMO_SEED: 'false' },
  });
  await waitFor(`http://127.0.0.1:${port}/ready`, child);
  return child;
}

/** The yardstick: bench/handwritten.ts, with the same pool size as the gateway's default. */
async function startHandwritten(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...profileArgs('handwritten'), path.join(root, 'dist/bench/handwritten.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port) },
  });
  await waitFor(`http://127.0.0.1:${port}/health`, child);
  return child;
}

function profileArgs(name: string): string[] {
  return values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`] : [];
}

const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];

interface Sample {
  callIds: string[];
  agentIds: string[];
  from: string;
  to: string;
  /** Words found in 0.5–2% of calls, and one found in about a fifth of them. */
  rareWords: string[];
  broadWord: string;
}

/** One dashboard query, as Parley is asked it and as the hand-written server is. */
interface Scenario {
  id: string;
  name: string;
  query: string;
  variables: () => Record<string, string>;
  /** The hand-written route for the same variables. */
  route: (v: Record<string, string>) => string;
}

function scenarios(s: Sample): Scenario[] {
  const q = (v: Record<string, string>) => new URLSearchParams(v).toString();
  return [
    {
      id: 'agent-calls',
      name: 'recent calls of one agent (50, with agent and customer)',
      query:
        'query($a: ID!) { calls(filter: { agentId: $a }, first: 50) { nodes { callId startTime customerSentimentScore agent { name } customer { name } } } }',
      variables: () => ({ a: pick(s.agentIds) }),
      route: (v) => `/agent-calls?${q({ agentId: v.a })}`,
    },
    {
      id: 'call',
      name: 'one call by callId, with agent, customer and transcript',
      query: 'query($c: ID!) { call(callId: $c) { callId startTime durationSeconds customerSentimentScore transcript agent { name } customer { name } } }',
      variables: () => ({ c: pick(s.callIds) }),
      route: (v) => `/call?${q({ callId: v.c })}`,
    },
    {
      id: 'leaderboard',
      name: 'agent leaderboard (top 20)',
      query: '{ analytics { agentLeaderboard(first: 20) { rank totalCalls avgSentiment agent { agentId name } } } }',
      variables: () => ({}),
      route: () => '/leaderboard',
    },
    {
      id: 'search-rare',
      name: 'ranked search, a word in ~1% of calls (20 hits)',
      query: 'query($q: String!) { searchCalls(query: $q, first: 20) { edges { rank node { callId agent { name } } } } }',
      variables: () => ({ q: pick(s.rareWords) }),
      route: (v) => `/search?${q({ q: v.q })}`,
    },
    {
      id: 'search-broad',
      name: `ranked search, a broad word ("${s.broadWord}", 20 hits)`,
      query: 'query($q: String!) { searchCalls(query: $q, first: 20) { edges { rank node { callId agent { name } } } } }',
      variables: () => ({ q: s.broadWord }),
      route: (v) => `/search?${q({ q: v.q })}`,
    },
    {
      id: 'filtered',
      name: 'filtered page (sentiment, duration, date range, offset 500)',
      query:
        'query($from: DateTime, $to: DateTime) { calls(filter: { maxSentiment: -0.5, minDurationSeconds: 601, from: $from, to: $to }, first: 50, offset: 500) { nodes { callId customerSentimentScore durationSeconds } } }',
      variables: () => ({ from: s.from, to: s.to }),
      route: (v) => `/filtered?${q({ from: v.from, to: v.to })}`,
    },
    {
      id: 'similar',
      name: 'similar calls (top 5)',
      query: 'query($c: ID!) { call(callId: $c) { similarCalls(first: 5) { similarity call { callId } } } }',
      variables: () => ({ c: pick(s.callIds) }),
      route: (v) => `/similar?${q({ callId: v.c })}`,
    },
  ];
}

interface Measured {
  name: string;
  parley: LoadResult;
  handwritten: LoadResult;
  parleyUnloaded: LoadResult;
  handwrittenUnloaded: LoadResult;
}

/**
 * Alternates the two servers round by round (so a noisy moment hurts both),
 * under `concurrency` clients, then once more with one client for the
 * unloaded latency.
 */
async function measure(scenario: Scenario, parleyUrl: string, handUrl: string): Promise<Measured> {
  const parleyRequest: Request = async () => {
    const r = await sendGraphql(parleyUrl, scenario.query, scenario.variables());
    return { ok: r.ok, error: r.ok ? undefined : JSON.stringify(r.body).slice(0, 300) };
  };
  const handRequest: Request = async () => {
    const r = await sendGet(`${handUrl}${scenario.route(scenario.variables())}`);
    return { ok: r.ok, error: r.ok ? undefined : String(r.body).slice(0, 300) };
  };
  const parley: LoadResult[] = [];
  const handwritten: LoadResult[] = [];
  const perRound = seconds / rounds;
  for (let round = 0; round < rounds; round++) {
    parley.push(await runLoad(parleyRequest, perRound, concurrency));
    handwritten.push(await runLoad(handRequest, perRound, concurrency));
  }
  const unloadedSeconds = Math.max(1, Math.min(3, seconds / 4));
  const handwrittenUnloaded = await runLoad(handRequest, unloadedSeconds, 1, 300);
  const parleyUnloaded = await runLoad(parleyRequest, unloadedSeconds, 1, 300);
  return { name: scenario.name, parley: mergeLoads(parley), handwritten: mergeLoads(handwritten), parleyUnloaded, handwrittenUnloaded };
}

function ratioTable(results: Measured[]): string {
  const ms = (r: LoadResult, p: number) => percentile(r.latencies, p).toFixed(1);
  const rows = results.map((m) => [
    m.name,
    reqPerSec(m.handwritten).toFixed(0),
    reqPerSec(m.parley).toFixed(0),
    (reqPerSec(m.parley) / reqPerSec(m.handwritten)).toFixed(2),
    `${ms(m.handwritten, 50)} / ${ms(m.handwritten, 99)}`,
    `${ms(m.parley, 50)} / ${ms(m.parley, 99)}`,
    `${ms(m.handwrittenUnloaded, 50)} → ${ms(m.parleyUnloaded, 50)}`,
    String(m.parley.errors + m.handwritten.errors),
  ]);
  return formatTable(
    ['scenario', 'hand-written req/s', 'Parley req/s', 'ratio', 'hand p50/p99 ms', 'Parley p50/p99 ms', 'unloaded p50 ms, hand → Parley', 'errors'],
    rows,
  );
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
    const { body } = await sendGraphql(url, 'query($c: ID!) { call(callId: $c) { similarCalls(first: 5) { call { callId } } } }', { c: callId });
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
// After a bulk load the planner's statistics of every table are behind (autovacuum gets there in its own time).
await sql`analyze`;
listFrequentWords();
// About 5,000 sampled calls: 2 % of 200,000, all of a small database.
const samplePercent = Math.min(100, (100 * 5000) / Math.max(1, total));
const callIds = (await sql`select call_id from calls tablesample system (${samplePercent}) limit 5000`).map((r) => r.call_id as string);
const agentIds = (await sql`select agent_id from agents`).map((r) => r.agent_id as string);
const [range] = await sql`select min(start_time) as lo, max(start_time) as hi from calls`;
const mid = new Date((new Date(range.lo).getTime() + new Date(range.hi).getTime()) / 2);
const words = await wordFrequencies(sql, samplePercent);
const sample: Sample = {
  callIds,
  agentIds,
  from: new Date(range.lo).toISOString(),
  to: mid.toISOString(),
  rareWords: words.filter((w) => w.share >= 0.005 && w.share <= 0.02).map((w) => w.word).slice(0, 50),
  broadWord: values['broad-word']!,
};
if (sample.rareWords.length === 0) throw new Error('no word is found in 0.5-2% of the calls');

const [parleyPort, handPort] = [await freePort(), await freePort()];
const gateway = await startGateway(parleyPort);
const handwritten = await startHandwritten(handPort);
const url = `http://127.0.0.1:${parleyPort}/graphql`;
const handUrl = `http://127.0.0.1:${handPort}`;
const results: Measured[] = [];
// The gateway's resident memory, sampled through the whole read load.
const rss = new RssSampler(gateway.pid!, 200);
const idleRss = rss.last;
try {
  // ts_stat counts lexemes ("price"), not the words users type ("pricing").
  const [{ lexeme }] = await sql`select trim(both '''' from websearch_to_tsquery('english', ${sample.broadWord})::text) as lexeme`;
  const broad = words.find((w) => w.word === lexeme);
  log(`${total} calls, ${agentIds.length} agents; ${concurrency} concurrent clients, ${seconds} s per scenario and server in ${rounds} alternating rounds`);
  log(`rare words (${sample.rareWords.length}): ${sample.rareWords.slice(0, 8).join(', ')}, ...; broad word "${sample.broadWord}" in ${broad ? (broad.share * 100).toFixed(0) : '?'}% of calls`);
  const only = values.only?.split(',').map((id) => id.trim());
  const chosen = scenarios(sample).filter((scenario) => !only || only.includes(scenario.id));
  if (chosen.length === 0) throw new Error(`--only ${values.only}: no such scenario`);
  for (const scenario of chosen) {
    const result = await measure(scenario, url, handUrl);
    for (const [who, r] of [['Parley', result.parley], ['hand-written', result.handwritten]] as const) {
      if (r.firstError) log(`${scenario.name}: ${who}: first error ${r.firstError}`);
    }
    results.push(result);
  }
  const recallSamples = Number(values['recall-samples']);
  const recall = recallSamples > 0 ? await recallAt5(sql, url, callIds.slice(0, recallSamples)) : NaN;
  process.stdout.write(`\nParley read benchmark: ${total} calls in PostgreSQL, ${concurrency} clients, ${seconds} s per scenario and server\n\n`);
  process.stdout.write(`${ratioTable(results)}\n`);
  const agreement = await broadAgreement(words, url, handUrl);
  process.stdout.write(
    `\nranked search on frequent words (>= 5% of calls): top 20 equal to exact ts_rank order in ${agreement.agree} of ${agreement.positions} positions (${agreement.words} words, ${((100 * agreement.agree) / Math.max(1, agreement.positions)).toFixed(1)}%)\n`,
  );
  process.stdout.write(`\nParley server RSS: ${(idleRss / MB).toFixed(0)} MB idle, peak ${(rss.max / MB).toFixed(0)} MB under the read load\n`);
  if (recallSamples > 0) process.stdout.write(`\nsimilarity recall@5 vs exact search (${Math.min(callIds.length, recallSamples)} calls): ${recall.toFixed(3)}\n`);
} finally {
  rss.stop();
  gateway.kill('SIGTERM');
  handwritten.kill('SIGTERM');
  await sql.end();
}

/** Document frequency of the search lexemes, estimated on the same sample of calls. */
async function wordFrequencies(sql: postgres.Sql, percent: number): Promise<{ word: string; share: number }[]> {
  const sample = `calls tablesample system (${percent.toFixed(6)}) repeatable (7)`;
  const [{ n }] = await sql.unsafe(`select count(*)::int as n from (select 1 from ${sample}) s`);
  const rows = await sql`select word, ndoc from ts_stat(${`select search_vector from ${sample}`})
                         where length(word) >= 4 and word ~ '^[a-z]+$' order by ndoc desc, word`;
  return rows.map((r) => ({ word: r.word as string, share: (r.ndoc as number) / Math.max(1, n) }));
}
