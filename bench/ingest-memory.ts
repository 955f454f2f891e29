import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type GatewayProcess, largestLegalRequest, MB, postIngest, RssSampler, rssOf, sleep, startGateway } from './gateway-memory.js';

// npm run bench:ingest -- --memory [--mode embedded|postgres|both] [--requests 3] [--body-limit 64mb]
//   RSS of the real gateway (node dist/src/main.js, a child process) around
//   the largest legal ingestCalls requests: idle, peak, and 10 s after.

export interface MemoryBenchOptions {
  modes: ('embedded' | 'postgres')[];
  /** How many requests the sequential and the concurrent scenario send. */
  requests: number;
  bodyLimit: string;
  /** Environment passed through to the gateway (ENRICH_WORKERS, MALLOC_ARENA_MAX, ...). */
  env: Record<string, string>;
  /** A fresh PostgreSQL database for postgres mode. */
  freshDatabase: (name: string) => Promise<string>;
}

const SETTLE_MS = 10_000;
const mb = (bytes: number) => `${Math.round(bytes / MB)}`.padStart(6);

interface Row {
  mode: string;
  scenario: string;
  calls: number;
  sentMb: number;
  seconds: number;
  before: number;
  peak: number;
  settled: number;
}

async function scenario(gateway: GatewayProcess, sampler: RssSampler, label: string, bodies: { body: string; calls: number; bytes: number }[], concurrent: boolean): Promise<Omit<Row, 'mode'>> {
  const before = rssOf(gateway.pid) ?? 0;
  sampler.resetPeak();
  const started = performance.now();
  const replies = concurrent
    ? await Promise.all(bodies.map((b) => postIngest(gateway.url, b.body)))
    : await bodies.reduce<Promise<Awaited<ReturnType<typeof postIngest>>[]>>(async (acc, b) => [...(await acc), await postIngest(gateway.url, b.body)], Promise.resolve([]));
  const seconds = (performance.now() - started) / 1000;
  const calls = bodies.reduce((n, b) => n + b.calls, 0);
  const inserted = replies.reduce((n, r) => n + r.inserted, 0);
  if (inserted !== calls) throw new Error(`${label}: ${inserted} of ${calls} calls inserted: ${JSON.stringify(replies.map((r) => r.errors.slice(0, 3)))}`);
  await sleep(SETTLE_MS);
  const settled = rssOf(gateway.pid) ?? 0;
  return { scenario: label, calls, sentMb: bodies.reduce((n, b) => n + b.bytes, 0) / MB, seconds, before, peak: sampler.max, settled };
}

async function runMode(mode: 'embedded' | 'postgres', options: MemoryBenchOptions): Promise<{ idle: number; rows: Row[] }> {
  const env: Record<string, string> = { ...options.env, GRAPHQL_BODY_LIMIT: options.bodyLimit };
  const cleanups: (() => void)[] = [];
  if (mode === 'embedded') {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-bench-memory-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    env.DATA_DIR = dir;
  } else {
    env.DATABASE_URL = await options.freshDatabase('parley_bench_memory');
  }
  let serial = 0;
  const request = () => largestLegalRequest(options.bodyLimit, `MEM-${serial++}`);
  process.stderr.write(`${mode}: starting the gateway\n`);
  const gateway = await startGateway(env);
  const sampler = new RssSampler(gateway.pid, 50);
  try {
    await sleep(3_000);
    const idle = rssOf(gateway.pid) ?? 0;
    const rows: Row[] = [];
    const plan: [string, number, boolean][] = [['1 request', 1, false]];
    if (options.requests > 1) {
      plan.push([`${options.requests} requests in sequence`, options.requests, false], [`${options.requests} requests at once`, options.requests, true]);
    }
    for (const [label, n, concurrent] of plan) {
      process.stderr.write(`${mode}: ${label}\n`);
      const bodies = Array.from({ length: n }, request);
      const row: Row = { mode, ...(await scenario(gateway, sampler, label, bodies, concurrent)) };
      process.stderr.write(`${mode}: ${label}: idle ${mb(idle)} MB, peak ${mb(row.peak)} MB, +10 s ${mb(row.settled)} MB (${row.seconds.toFixed(0)} s)\n`);
      rows.push(row);
    }
    return { idle, rows };
  } finally {
    sampler.stop();
    await gateway.stop();
    cleanups.forEach((c) => c());
  }
}

export async function memoryBench(options: MemoryBenchOptions): Promise<void> {
  const results = [];
  for (const mode of options.modes) results.push(await runMode(mode, options));
  const sample = largestLegalRequest(options.bodyLimit, 'X');
  console.log(
    `\nRSS of the gateway around the largest legal ingestCalls request: ${sample.calls} calls of 200,000 characters, ` +
      `${(sample.bytes / MB).toFixed(1)} MB of JSON (GRAPHQL_BODY_LIMIT=${options.bodyLimit}); sampled every 50 ms; MB = 2^20 bytes` +
      (Object.keys(options.env).length ? `; ${Object.entries(options.env).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''),
  );
  console.log('| mode     | scenario                  | calls | sent MB | seconds | idle MB | before MB | peak MB | +10 s MB |');
  console.log('|----------|---------------------------|-------|---------|---------|---------|-----------|---------|----------|');
  for (const { idle, rows } of results) {
    for (const r of rows) {
      console.log(
        `| ${r.mode.padEnd(8)} | ${r.scenario.padEnd(25)} | ${String(r.calls).padStart(5)} | ${r.sentMb.toFixed(0).padStart(7)} | ${r.seconds.toFixed(1).padStart(7)} | ${mb(idle)}  | ${mb(r.before)}    | ${mb(r.peak)}  | ${mb(r.settled)}   |`,
      );
    }
  }
}
