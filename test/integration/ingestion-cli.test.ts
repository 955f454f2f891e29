import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { type DatabaseHandle, openDatabase, queryRows } from '../../src/db/client.js';
import { createLogger } from '../../src/observability/logger.js';
import { generateCalls } from '../../src/synthetic/generator.js';
import { runCli as cli } from '../support/cli.js';
import { createTestDatabase } from '../support/harness.js';
import { testModes } from '../support/modes.js';

describe.each(testModes)('the ingest and reembed commands on the %s database', (mode) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-cli-'));
  const input = path.join(dir, 'calls.ndjson');
  const rejects = path.join(dir, 'rejects.ndjson');
  const env: Record<string, string> = {};
  let drop: (() => Promise<void>) | undefined;

  /** Opens the database the CLI wrote (after it exited: PGlite is one process's). */
  async function inspect<T>(fn: (db: DatabaseHandle['db']) => Promise<T>): Promise<T> {
    const config = parseConfig({ ...env, LOG_LEVEL: 'silent' });
    const handle = await openDatabase(config, createLogger(config));
    try {
      return await fn(handle.db);
    } finally {
      await handle.close();
    }
  }

  const calls = [...generateCalls({ calls: 250, seed: 21, until: new Date(Date.now() - 60_000) })];
  const lines = calls.map((c) => JSON.stringify(c));
  lines.splice(10, 0, '{"callId": "TRUNCATED-LINE", ');
  lines.splice(20, 0, JSON.stringify({ ...calls[0], callId: 'NEGATIVE-DURATION', durationSeconds: -1 }));
  lines.splice(30, 0, JSON.stringify({ ...calls[25], durationSeconds: 99 }), '');

  beforeAll(async () => {
    writeFileSync(input, `${lines.join('\n')}\n`);
    if (mode === 'postgres') {
      const database = await createTestDatabase();
      drop = database.drop;
      env.DATABASE_URL = database.url;
    } else {
      env.DATA_DIR = path.join(dir, 'data');
    }
  });
  afterAll(async () => {
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('streams a file through the pipeline, summarises it and writes every failed line with its line number', async () => {
    const result = await cli('ingest.js', [input, '--batch-size', '100', '--rejects', rejects], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('received 253, inserted 250, updated 0, skipped 0, failed 3');
    const rejected = readFileSync(rejects, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [11, 'BAD_USER_INPUT'],
      [21, 'BAD_USER_INPUT'],
      [31, 'DUPLICATE_IN_BATCH'],
    ]);
    expect(rejected[0].message).toContain('not valid JSON');
    expect(rejected[1]).toMatchObject({ callId: 'NEGATIVE-DURATION', message: 'durationSeconds must be an integer from 1 to 14400; got -1' });
    const stored = await inspect(async (db) => {
      const [row] = await queryRows<{ n: number; viewed: number; d: number }>(
        db,
        sql`select (select count(*)::int from calls) as n, (select sum(total_calls)::int from mv_agent_analytics) as viewed,
                   (select duration_seconds from calls where call_id = ${calls[25].callId}) as d`,
      );
      return row;
    });
    // The views were refreshed once, when the command finished.
    expect(stored).toEqual({ n: 250, viewed: 250, d: calls[25].durationSeconds });
  });

  it('counts everything as skipped on a second run and as updated under --on-conflict update', async () => {
    const again = await cli('ingest.js', [input, '--rejects', rejects], env);
    expect(again.stdout).toContain('inserted 0, updated 0, skipped 250, failed 3');
    const update = await cli('ingest.js', [input, '--on-conflict', 'update', '--rejects', rejects], env);
    expect(update.stdout).toContain('inserted 0, updated 250, skipped 0, failed 3');
  });

  it('refuses a bad batch size with a usage message', async () => {
    const result = await cli('ingest.js', [input, '--batch-size', '5001'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--batch-size must be an integer from 1 to 5000; got 5001');
  });

  it('re-embeds exactly the calls whose embedding model differs from the configured one', async () => {
    const before = await inspect(async (db) => {
      const rows = await queryRows<{ call_id: string; embedding: string }>(db, sql`select call_id, embedding::text as embedding from calls order by call_id limit 40`);
      await db.execute(sql`update calls set embedding = null, embedding_model = 'old-model' where call_id = any(${`{${rows.map((r) => r.call_id).join(',')}}`}::text[])`);
      return rows;
    });
    const result = await cli('reembed.js', ['--batch-size', '15'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('40 calls re-embedded with hashed-ngram-v1-384');
    const after = await inspect((db) =>
      queryRows<{ call_id: string; embedding: string; embedding_model: string }>(
        db,
        sql`select call_id, embedding::text as embedding, embedding_model from calls order by call_id limit 40`,
      ),
    );
    expect(after.map((r) => r.embedding)).toEqual(before.map((r) => r.embedding));
    expect(new Set(after.map((r) => r.embedding_model))).toEqual(new Set(['hashed-ngram-v1-384']));
    const noop = await cli('reembed.js', [], env);
    expect(noop.stdout).toContain('every call is already embedded with hashed-ngram-v1-384');
  });
});
