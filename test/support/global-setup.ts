import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { Redis } from 'ioredis';
import { testEnv } from './test-env.js';

export type TestMode = 'postgres' | 'embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    testModes: TestMode[];
  }
}

async function postgresUsable(url: string): Promise<string | null> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    const [row] = await sql`select count(*)::int as n from pg_available_extensions where name = 'vector'`;
    return row.n === 1 ? null : 'the pgvector extension is not installed (run scripts/setup-pgvector.sh)';
  } catch (err) {
    return `cannot connect: ${(err as Error).message}`;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function redisUsable(url: string): Promise<string | null> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (err) {
    return `cannot connect: ${(err as Error).message}`;
  } finally {
    redis.disconnect();
  }
}

/**
 * Decides which modes the integration tests run in: always the embedded
 * database, and a real PostgreSQL + Redis when they are reachable. Under CI
 * (or TEST_REQUIRE_SERVICES=1) a missing service fails the run instead.
 */
export default async function setup(project: TestProject): Promise<void> {
  const env = testEnv();
  const modes: TestMode[] = ['embedded'];
  const [pgProblem, redisProblem] = await Promise.all([postgresUsable(env.adminDatabaseUrl), redisUsable(env.redisUrl)]);
  if (!pgProblem && !redisProblem) {
    modes.unshift('postgres');
  } else {
    const message = `PostgreSQL (${env.adminDatabaseUrl}): ${pgProblem ?? 'ok'}; Redis (${env.redisUrl}): ${redisProblem ?? 'ok'}`;
    if (env.requireServices) throw new Error(`integration services are required but unusable: ${message}`);
    console.warn(`\n!! Skipping the PostgreSQL + Redis mode of the integration tests: ${message}\n`);
  }
  project.provide('testModes', env.modes ? modes.filter((m) => env.modes!.includes(m)) : modes);
}
