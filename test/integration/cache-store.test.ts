import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { RedisStore } from '../../src/cache/redis-store.js';
import type { CacheStore } from '../../src/cache/store.js';
import { createLogger } from '../../src/observability/logger.js';
import { testModes } from '../support/modes.js';
import { testEnv } from '../support/test-env.js';

const kinds = testModes.includes('postgres') ? (['redis', 'memory'] as const) : (['memory'] as const);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(kinds)('the %s cache store', (kind) => {
  let store: CacheStore;

  beforeAll(async () => {
    if (kind === 'memory') {
      store = new MemoryStore();
    } else {
      const redis = new RedisStore({ url: testEnv().redisUrl, keyPrefix: `parley-test:${randomBytes(4).toString('hex')}:`, logger: createLogger({ LOG_LEVEL: 'silent' }) });
      await redis.connect();
      store = redis;
    }
  });
  afterAll(async () => {
    await store?.close();
  });

  it('delivers published messages to every subscriber until it unsubscribes', async () => {
    const seen: string[] = [];
    const other: string[] = [];
    const off = await store.subscribe('events', (m) => seen.push(m));
    await store.subscribe('events', (m) => other.push(m));
    await store.publish('events', 'first');
    await waitFor(() => seen.length === 1 && other.length === 1);
    await off();
    await store.publish('events', 'second');
    await waitFor(() => other.length === 2);
    expect(seen).toEqual(['first']);
    expect(other).toEqual(['first', 'second']);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}
