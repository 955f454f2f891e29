import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { MemoryStore } from './memory-store.js';
import { RedisStore } from './redis-store.js';
import type { CacheStore } from './store.js';

export type { CacheStore };

/**
 * Opens the store the config names. With REDIS_URL, Redis must be reachable at
 * start-up (a misconfigured URL should fail loudly); later outages are survived.
 */
export async function openCacheStore(config: Config, logger: Logger): Promise<CacheStore> {
  if (!config.REDIS_URL) return new MemoryStore();
  const store = new RedisStore({ url: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, logger });
  await store.connect();
  return store;
}
