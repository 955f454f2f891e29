import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';
import postgres from 'postgres';
import { type RunningParley, startParley } from '../../src/app.js';
import { type Config, parseConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { TestMode } from './global-setup.js';
import { testEnv } from './test-env.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[]; extensions?: Record<string, any> };
}

export interface TestParley {
  mode: TestMode;
  url: string;
  config: Config;
  parley: RunningParley;
  db: Database;
  /**
   * Sends one GraphQL operation over HTTP, as a client would. With a typed
   * document from test/generated, the result and variables are typed.
   */
  gql<T = Record<string, any>, V = Record<string, unknown>>(
    query: string | DocumentNode | TypedDocumentNode<T, V>,
    variables?: V,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** The server's log lines (JSON, newest last; at most the last 5,000). */
  logs: string[];
  stop(): Promise<void>;
}

/** A fresh PostgreSQL database for one test file; dropped by the returned function. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = testEnv().adminDatabaseUrl;
  const name = `parley_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

/** Starts a real Parley on a free port, on a fresh database of the given mode. */
export async function startTestParley(mode: TestMode, env: Record<string, string> = {}): Promise<TestParley> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const base: Record<string, string> = { PORT: '0', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info', EXPOSE_SQL_STATS: 'true', DEMO_SEED: 'false', NODE_ENV: 'test' };
  if (mode === 'postgres') {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    base.DATABASE_URL = database.url;
    base.REDIS_URL = testEnv().redisUrl;
    base.REDIS_KEY_PREFIX = `parley-test:${randomBytes(4).toString('hex')}:`;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-test-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    base.DATA_DIR = dir;
  }
  const config = parseConfig({ ...base, ...env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      if (logs.length > 5_000) logs.splice(0, logs.length - 5_000);
      done();
    },
  });
  const parley = await startParley(config, pino({ level: config.LOG_LEVEL }, sink));
  const gql: TestParley['gql'] = async <T, V>(query: string | DocumentNode | TypedDocumentNode<T, V>, variables?: V, headers?: Record<string, string>) => {
    const res = await fetch(`${parley.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse<T>['body'] };
  };
  return {
    mode,
    url: parley.url,
    config,
    parley,
    db: parley.database.db,
    gql,
    logs,
    stop: async () => {
      await parley.stop();
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}
