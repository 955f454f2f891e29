import 'reflect-metadata';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { startParley } from '../src/app.js';
import { type Config, loadConfigOrExit } from '../src/config.js';
import { runBatches } from '../src/ingestion/batch-runner.js';
import { openCliSession } from '../src/cli/cli-session.js';
import type { Enrichment } from '../src/ingestion/enrichment/enrich-core.js';
import { createEnricher, embeddingProviderFromConfig, workerCount } from '../src/ingestion/enrichment/enricher.js';
import { readNdjson } from '../src/cli/ndjson.js';
import { createProgress } from '../src/cli/progress.js';
import { generateCalls } from '../src/synthetic/generator.js';
import type { SyntheticCall } from '../src/synthetic/types.js';
import { recreateDatabase, redactUrl, scratchDatabase } from './database.js';
import { memoryBench } from './ingest-memory.js';

// npm run bench:ingest -- --calls 100000 [--database-url URL] [--workers N] [--batch-size N]
//   Ingest rate (validate + enrich + idempotent INSERT) next to a plain COPY of
//   the same pre-enriched rows into the same indexed table: the physical limit.
// npm run bench:ingest -- --latency [--calls 5000] [--database-url URL]
//   p50/p99 of `{ agents { totalCount } }` while one mutation ingests the calls,
//   with ENRICH_WORKERS=0 (inline) and with the worker pool.
// npm run bench:ingest -- --memory [--mode embedded|postgres|both] [--requests 3] [--body-limit 64mb] [--workers N]
//   RSS (idle, peak, 10 s after) of the real gateway process around the
//   largest legal ingestCalls requests: one, several in sequence, several at once
//   (the postgres mode uses a database named parley_bench_memory on --database-url's server).
// --database-url (default DEFAULT_DATABASE_URL) is a scratch database: it is
// dropped and re-created (from the server's `postgres` database) before each
// run. DATABASE_URL is deliberately not a fallback: it is Parley's own data.

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/parley_bench_ingest';
const { values } = parseArgs({
  options: {
    calls: { type: 'string' },
    'database-url': { type: 'string', default: DEFAULT_DATABASE_URL },
    workers: { type: 'string' },
    'batch-size': { type: 'string', default: '1000' },
    latency: { type: 'boolean', default: false },
    memory: { type: 'boolean', default: false },
    mode: { type: 'string', default: 'both' },
    requests: { type: 'string', default: '3' },
    'body-limit': { type: 'string' },
  },
});
const base = loadConfigOrExit();
const databaseUrl = values['database-url']!;
try {
  scratchDatabase(databaseUrl);
} catch (error) {
  process.stderr.write(`bench:ingest: --database-url: ${(error as Error).message}\n`);
  process.exit(2);
}
const workers = values.workers === undefined ? workerCount(base, values.latency ? 'server' : 'bulk') : Number(values.workers);
const batchSize = Number(values['batch-size']);

const CALL_COLUMNS = [
  'call_id', 'agent_id', 'customer_id', 'language', 'start_time', 'duration_seconds', 'transcript', 'agent_talk_ratio',
  'customer_sentiment_score', 'agent_sentiment_score', 'topics', 'utterances', 'insights', 'coaching_nudges', 'embedding', 'embedding_model',
];

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

async function writeNdjsonFile(file: string, calls: number): Promise<void> {
  const out = createWriteStream(file);
  for (const call of generateCalls({ calls, seed: 1 })) await write(out, `${JSON.stringify(call)}\n`);
  out.end();
  await once(out, 'finish');
}

/** COPY text format: backslash escapes, \N for NULL. */
const copyField = (value: string | number | null) =>
  value === null ? '\\N' : String(value).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');

function copyLine(call: SyntheticCall, e: Enrichment, modelId: string): string {
  return `${[
    call.callId, call.agentId, call.customerId, call.language, call.startTime, call.durationSeconds, call.transcript, e.agentTalkRatio,
    e.customerSentimentScore, e.agentSentimentScore, `{${e.topics.join(',')}}`, e.utterancesJson, e.insightsJson, e.nudgesJson, e.embedding, modelId,
  ]
    .map(copyField)
    .join('\t')}\n`;
}

/** Enriches the generated calls into a COPY file (untimed for the COPY); returns the enrichment rate. */
async function writeCopyFile(config: Config, ndjson: string, file: string): Promise<number> {
  const enricher = createEnricher(embeddingProviderFromConfig(config), workers);
  const out = createWriteStream(file);
  const started = performance.now();
  let batch: SyntheticCall[] = [];
  let n = 0;
  const flush = async () => {
    const outcomes = await enricher.enrich(batch.map((c) => ({ transcript: c.transcript, language: c.language })));
    for (let i = 0; i < batch.length; i++) {
      const outcome = outcomes[i];
      if (!outcome.ok) throw new Error(outcome.message);
      await write(out, copyLine(batch[i], outcome.value, enricher.modelId));
    }
    n += batch.length;
    batch = [];
  };
  for await (const item of readNdjson(createReadStream(ndjson))) {
    if ('value' in item) batch.push(item.value as SyntheticCall);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length) await flush();
  const seconds = (performance.now() - started) / 1000;
  out.end();
  await once(out, 'finish');
  await enricher.close();
  return n / seconds;
}

async function throughput(): Promise<void> {
  const calls = Number(values.calls ?? 100_000);
  const url = databaseUrl;
  process.stderr.write(`dropping and re-creating ${redactUrl(url)}\n`);
  await recreateDatabase(url);
  const config: Config = { ...base, DATABASE_URL: url, ENRICH_WORKERS: workers, LOG_LEVEL: 'warn', DATABASE_STATEMENT_TIMEOUT_MS: 600_000 };
  const ndjson = path.join(tmpdir(), `parley-bench-${process.pid}.ndjson`);
  const copyFile = path.join(tmpdir(), `parley-bench-${process.pid}.copy`);
  try {
    process.stderr.write(`generating ${calls} calls into ${ndjson}\n`);
    await writeNdjsonFile(ndjson, calls);
    const size = statSync(ndjson).size;

    const session = await openCliSession(config);
    const progress = createProgress('ingest', size);
    let started = performance.now();
    const totals = await runBatches(session.ingestion.service, readNdjson(createReadStream(ndjson)), {
      mode: 'skip',
      batchSize,
      onProgress: (t) => progress.update(t.bytes, t.received),
    });
    const ingestSeconds = (performance.now() - started) / 1000;
    progress.stop();
    started = performance.now();
    await session.close();
    const refreshSeconds = (performance.now() - started) / 1000;
    if (totals.inserted !== calls) throw new Error(`expected ${calls} inserted, got ${JSON.stringify(totals)}`);

    process.stderr.write('enriching the same calls into a COPY file\n');
    const enrichRate = await writeCopyFile(config, ndjson, copyFile);
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    // The enrichment pass takes as long as the ingestion: another run on the
    // same database may have re-created it meanwhile (seen: a COPY failing on
    // customers that the other run had not inserted yet).
    const [{ n: still }] = await sql`select count(*)::int as n from calls`;
    if (still !== calls) throw new Error(`${redactUrl(url)} holds ${still} calls instead of ${calls}: another process changed it during the run`);
    await sql`truncate calls, search_term_calls`;
    await sql`checkpoint`;
    started = performance.now();
    const target = await sql.unsafe(`copy calls (${CALL_COLUMNS.join(', ')}) from stdin`).writable();
    await pipeline(createReadStream(copyFile), target);
    const copySeconds = (performance.now() - started) / 1000;
    const [{ n }] = await sql`select count(*)::int as n from calls`;
    await sql.end();
    if (n !== calls) throw new Error(`COPY stored ${n} rows, expected ${calls}`);

    const ingestRate = calls / ingestSeconds;
    const copyRate = calls / copySeconds;
    const row = (label: string, seconds: number | string, rate: number) =>
      `| ${label.padEnd(58)} | ${String(seconds).padStart(8)} | ${Math.round(rate).toLocaleString('en-US').padStart(9)} |`;
    console.log(`\n${calls.toLocaleString('en-US')} calls, ${workers} enrichment workers, batches of ${batchSize}, ${redactUrl(url)}`);
    console.log(`| ${'phase'.padEnd(58)} | ${'seconds'.padStart(8)} | ${'calls/s'.padStart(9)} |`);
    console.log(`|${'-'.repeat(60)}|${'-'.repeat(10)}|${'-'.repeat(11)}|`);
    console.log(row('ingest pipeline (validate, enrich, INSERT ... ON CONFLICT)', ingestSeconds.toFixed(1), ingestRate));
    console.log(row('COPY of the same pre-enriched rows (physical limit)', copySeconds.toFixed(1), copyRate));
    console.log(row('enrichment alone (no database)', '', enrichRate));
    console.log(`ingest / COPY = ${(ingestRate / copyRate).toFixed(2)} (target >= 0.50); final view refresh ${refreshSeconds.toFixed(1)} s`);
  } finally {
    rmSync(ndjson, { force: true });
    rmSync(copyFile, { force: true });
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Latency of a cheap query while one request ingests `calls` calls, for one worker setting. */
async function latencyRun(calls: SyntheticCall[], enrichWorkers: number): Promise<string> {
  const url = databaseUrl;
  await recreateDatabase(url);
  const parley = await startParley({ ...base, DATABASE_URL: url, PORT: 0, ENRICH_WORKERS: enrichWorkers, LOG_LEVEL: 'warn', DEMO_SEED: false });
  const post = (query: string, variables?: unknown) =>
    fetch(`${parley.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  try {
    // Warm up: worker threads, wink's model, the connection pool.
    await post('mutation($c:[CallInput!]!){ingestCalls(calls:$c){inserted}}', { c: calls.slice(0, 20) });
    const latencies: number[] = [];
    let done = false;
    const started = performance.now();
    const ingest = post('mutation($c:[CallInput!]!){ingestCalls(calls:$c){inserted failed}}', { c: calls.slice(20) })
      .then((r) => r.json())
      .finally(() => (done = true));
    while (!done) {
      const t = performance.now();
      const res = await post('{ agents { totalCount } }');
      await res.json();
      latencies.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const result = (await ingest) as { data?: { ingestCalls: { inserted: number } } };
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const f = (x: number) => `${x.toFixed(0)} ms`.padStart(9);
    return `| ${(enrichWorkers === 0 ? 'inline (ENRICH_WORKERS=0)' : `${enrichWorkers} worker thread(s)`).padEnd(26)} | ${String(result.data?.ingestCalls.inserted).padStart(8)} | ${seconds.toFixed(1).padStart(9)} | ${String(latencies.length).padStart(7)} | ${f(percentile(latencies, 50))} | ${f(percentile(latencies, 99))} | ${f(latencies[latencies.length - 1])} |`;
  } finally {
    await parley.stop();
  }
}

async function latency(): Promise<void> {
  const count = Number(values.calls ?? 5_000);
  const calls = [...generateCalls({ calls: count, seed: 2, until: new Date(Date.now() - 60_000) })];
  const rows = [await latencyRun(calls, 0), await latencyRun(calls, Math.max(1, workers))];
  console.log(`\n{ agents { totalCount } } while one ingestCalls request of ${count - 20} calls runs (PostgreSQL)`);
  console.log('| mode                       | inserted | ingest s  | queries |   p50     |   p99     |   max     |');
  console.log('|----------------------------|----------|-----------|---------|-----------|-----------|-----------|');
  for (const row of rows) console.log(row);
}

async function memory(): Promise<void> {
  const modes = values.mode === 'both' ? (['embedded', 'postgres'] as const) : ([values.mode as 'embedded' | 'postgres'] as const);
  await memoryBench({
    modes: [...modes],
    requests: Number(values.requests),
    bodyLimit: values['body-limit'] ?? base.GRAPHQL_BODY_LIMIT,
    env: {
      ...(values.workers !== undefined ? { ENRICH_WORKERS: values.workers } : {}),
      // Passed through for experiments (e.g. MALLOC_ARENA_MAX=2, NODE_OPTIONS=--import ./memlog.mjs).
      ...Object.fromEntries(['MALLOC_ARENA_MAX', 'NODE_OPTIONS', 'MEMLOG_FILE'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : []))),
    },
    // A scratch database of its own on the same server, dropped and re-created.
    freshDatabase: async (name: string) => {
      const url = new URL(databaseUrl);
      url.pathname = `/${name}`;
      await recreateDatabase(url.toString());
      return url.toString();
    },
  });
}

await (values.memory ? memory() : values.latency ? latency() : throughput());
