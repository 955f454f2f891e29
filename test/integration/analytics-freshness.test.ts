import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { openDatabase, queryRows } from '../../src/db/client.js';
import { createLogger } from '../../src/observability/logger.js';
import { generateCalls } from '../../src/synthetic/generator.js';
import { ROOT, runCli } from '../support/cli.js';
import { createTestDatabase, startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';

/**
 * The analytics views must not stay behind `calls`: not after an interrupted
 * import, not across a restart, not after a refresh that failed. Every check
 * reads `analytics` over HTTP with no filter, which the views answer.
 */

const TOTALS = '{ analytics { totals { totalCalls } } calls(first: 1) { totalCount } }';
const INGEST = 'mutation($calls: [CallInput!]!) { ingestCalls(calls: $calls) { inserted failed } }';
const until = new Date(Date.now() - 60_000);

/** What the views say (analytics totals) next to what is stored (calls' totalCount), over HTTP. */
async function counts(t: TestParley): Promise<{ views: number; stored: number }> {
  const res = await t.gql<{ analytics: { totals: { totalCalls: number } }; calls: { totalCount: number } }>(TOTALS);
  expect(res.body.errors).toBeUndefined();
  return { views: res.body.data!.analytics.totals.totalCalls, stored: res.body.data!.calls.totalCount };
}

async function eventually<T>(check: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * An NDJSON file of `n` calls with one unparsable line per 100: the reject
 * file gains a line after each committed batch of 100, which tells the test
 * that the command is mid-way (in either mode, even when PGlite cannot be read).
 */
function writeInput(file: string, n: number, offset: number): void {
  const lines: string[] = [];
  let i = 0;
  for (const call of generateCalls({ calls: n, seed: 77, offset, until })) {
    if (i++ % 99 === 0) lines.push('{"callId": "BROKEN", ');
    lines.push(JSON.stringify(call));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `ingest` as a user would, and sends `signal` once `batches` batches are committed. */
async function ingestThenSignal(env: Record<string, string>, input: string, rejects: string, signal: NodeJS.Signals, batches = 1): Promise<Exit> {
  rmSync(rejects, { force: true });
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist/src/cli/ingest.js'), input, '--batch-size', '100', '--rejects', rejects], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig, stdout, stderr })));
  const committed = () => (existsSync(rejects) ? readFileSync(rejects, 'utf8').split('\n').filter(Boolean).length : 0);
  const deadline = Date.now() + 150_000;
  while (committed() < batches && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(child.exitCode, `ingest finished before it could be interrupted: ${stderr}`).toBeNull();
  child.kill(signal);
  const exit = await exited;
  // Let the streams deliver the last output.
  await new Promise((r) => setTimeout(r, 50));
  return { ...exit, stdout, stderr };
}

/** Views and calls read straight from the database (after the command exited: PGlite is one process's). */
async function inspect(env: Record<string, string>): Promise<{ views: number; stored: number }> {
  const config = parseConfig({ ...env, LOG_LEVEL: 'silent' });
  const handle = await openDatabase(config, createLogger(config));
  try {
    const [row] = await queryRows<{ views: number; stored: number }>(
      handle.db,
      sql`select (select coalesce(sum(total_calls), 0)::int from mv_agent_analytics) as views, (select count(*)::int from calls) as stored`,
    );
    return row;
  } finally {
    await handle.close();
  }
}

const CALLS = 2_000;
/** A command starts PGlite, migrates and warms its workers before its first batch: slow on a busy machine. */
const CLI_TEST = 180_000;

describe.each(testModes)('fresh analytics views on the %s database', (mode) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-views-'));
  const input = path.join(dir, 'calls.ndjson');
  const rejects = path.join(dir, 'rejects.ndjson');
  const drops: (() => Promise<void>)[] = [];

  /** A fresh database of this mode, as the environment of a command or a server. */
  async function freshEnv(name: string): Promise<Record<string, string>> {
    if (mode === 'embedded') return { DATA_DIR: path.join(dir, name) };
    const database = await createTestDatabase();
    drops.push(database.drop);
    return { DATABASE_URL: database.url };
  }

  beforeAll(() => writeInput(input, CALLS, 0));
  afterAll(async () => {
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an ingest interrupted with SIGINT stops cleanly, refreshes the views and exits non-zero', async () => {
    const env = await freshEnv('sigint');
    // On a server, a gateway runs during the import: it has no reason of its own to refresh, so what it
    // answers afterwards is what the command left. PGlite has one process: read it after the command.
    const during = mode === 'postgres' ? await startTestParley(mode, env) : null;
    try {
      const exit = await ingestThenSignal(env, input, rejects, 'SIGINT');
      expect(exit.signal).toBeNull();
      expect(exit.code).toBe(130);
      expect(exit.stderr).toMatch(/ingest: interrupted by SIGINT/);
      if (mode === 'embedded') {
        const direct = await inspect(env);
        expect(direct.stored).toBeGreaterThan(0);
        expect(direct.views).toBe(direct.stored);
      }
      const t = during ?? (await startTestParley(mode, env));
      try {
        const seen = await counts(t);
        expect(seen.stored).toBeGreaterThan(0);
        expect(seen.stored).toBeLessThan(CALLS);
        expect(seen.views).toBe(seen.stored);
      } finally {
        if (!during) await t.stop();
      }
    } finally {
      await during?.stop();
    }
  }, CLI_TEST);

  it('a gateway that starts on views left behind by a killed writer catches them up by itself', async () => {
    const env = await freshEnv('sigkill');
    const exit = await ingestThenSignal(env, input, rejects, 'SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    const t = await startTestParley(mode, env);
    try {
      const seen = await eventually(() => counts(t), (c) => c.views === c.stored, 20_000);
      expect(seen.stored).toBeGreaterThan(0);
      expect(seen.views).toBe(seen.stored);
    } finally {
      await t.stop();
    }
  }, CLI_TEST);

  it('a command that starts on views left behind by a killed writer catches them up', async () => {
    const env = await freshEnv('sigkill-cli');
    await ingestThenSignal(env, input, rejects, 'SIGKILL');
    // reembed has nothing to do here (every vector is current) and writes no call.
    const result = await runCli('reembed.js', [], env);
    expect(result.code).toBe(0);
    const direct = await inspect(env);
    expect(direct.stored).toBeGreaterThan(0);
    expect(direct.views).toBe(direct.stored);
  }, CLI_TEST);

  it('retries a failed refresh with backoff, with no further write, until the views catch up', async () => {
    const t = await startTestParley(mode, { VIEW_REFRESH_DEBOUNCE_MS: '50', VIEW_REFRESH_RETRY_MIN_MS: '200', VIEW_REFRESH_RETRY_MAX_MS: '1000' });
    try {
      const first = [...generateCalls({ calls: 5, seed: 5, until })];
      const more = [...generateCalls({ calls: 7, seed: 5, offset: 5, until })];
      expect((await t.gql(INGEST, { calls: first })).body.data?.ingestCalls).toEqual({ inserted: 5, failed: 0 });
      expect(await eventually(() => counts(t), (c) => c.views === 5, 10_000)).toEqual({ views: 5, stored: 5 });

      // A real failure: the refresh finds no such relation while it is renamed away.
      await t.db.execute(sql`alter materialized view mv_agent_analytics rename to mv_agent_analytics_away`);
      const failures = () => t.logs.filter((l) => l.includes('refreshing the analytics views failed')).length;
      expect((await t.gql(INGEST, { calls: more })).body.data?.ingestCalls).toEqual({ inserted: 7, failed: 0 });
      await eventually(async () => failures(), (n) => n >= 1, 10_000);
      expect(failures()).toBeGreaterThanOrEqual(1);
      await t.db.execute(sql`alter materialized view mv_agent_analytics_away rename to mv_agent_analytics`);

      // No write from here on: only a retry can bring the views up to date.
      const seen = await eventually(() => counts(t), (c) => c.views === 12, 10_000);
      expect(seen).toEqual({ views: 12, stored: 12 });
      const retry = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'refreshing the analytics views failed; retrying');
      expect(retry).toMatchObject({ attempt: 1, retryInMs: 200 });
    } finally {
      await t.stop();
    }
  });

  it.runIf(mode === 'postgres')('lets a refresh wait for a lock longer than the API statement timeout, and succeed at once', async () => {
    const t = await startTestParley(mode, { DATABASE_STATEMENT_TIMEOUT_MS: '300', VIEW_REFRESH_DEBOUNCE_MS: '50' });
    const other = postgres(t.config.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const failures = () => t.logs.filter((l) => l.includes('refreshing the analytics views failed')).length;
      // Another instance's refresh holds the view for 1.5 s (reads go on: its EXCLUSIVE lock only blocks other refreshes).
      await other.begin(async (tx) => {
        await tx`refresh materialized view concurrently mv_agent_analytics`;
        const calls = [...generateCalls({ calls: 3, seed: 9, until })];
        expect((await t.gql(INGEST, { calls })).body.data?.ingestCalls).toEqual({ inserted: 3, failed: 0 });
        await new Promise((r) => setTimeout(r, 1_500));
      });
      const seen = await eventually(() => counts(t), (c) => c.views === 3, 10_000);
      expect(seen).toEqual({ views: 3, stored: 3 });
      expect(failures()).toBe(0);
    } finally {
      await other.end();
      await t.stop();
    }
  });
});
