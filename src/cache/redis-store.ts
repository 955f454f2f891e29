import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { CacheStore } from './store.js';

// INCR and the first PEXPIRE in one step: a crash between them would leave a
// counter that never expires, and a concurrent INCR could reset its TTL.
const INCR_WITH_TTL = `
local v = redis.call('INCR', KEYS[1])
if v == 1 and tonumber(ARGV[1]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return v`;

export interface RedisStoreOptions {
  url: string;
  /** Prepended to every key and channel, e.g. `parley:`. */
  keyPrefix: string;
  logger: Logger;
}

/** Redis-backed store shared by every gateway instance. Commands fail fast while Redis is down. */
export class RedisStore implements CacheStore {
  readonly kind = 'redis' as const;
  private readonly client: Redis;
  private subscriber: Redis | undefined;
  private readonly handlers = new Map<string, Set<(message: string) => void>>();

  constructor(private readonly options: RedisStoreOptions) {
    this.client = new Redis(options.url, {
      lazyConnect: true,
      keyPrefix: options.keyPrefix,
      // Fail a command at once while disconnected instead of queueing it: a
      // request must not hang on the cache; callers degrade instead.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    this.client.on('error', (err) => options.logger.warn({ err: err.message }, 'redis error'));
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  get(key: string): Promise<string | null> {
    return this.client.get(key);
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs) await this.client.set(key, value, 'PX', ttlMs);
    else await this.client.set(key, value);
  }

  async incr(key: string, ttlMs = 0): Promise<number> {
    return Number(await this.client.eval(INCR_WITH_TTL, 1, key, String(ttlMs)));
  }

  async del(...keys: string[]): Promise<number> {
    return keys.length ? this.client.del(...keys) : 0;
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.client.publish(this.options.keyPrefix + channel, message);
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    const sub = await this.subscriberConnection();
    const full = this.options.keyPrefix + channel;
    let set = this.handlers.get(full);
    if (!set) {
      set = new Set();
      this.handlers.set(full, set);
      await sub.subscribe(full);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0) {
        this.handlers.delete(full);
        await sub.unsubscribe(full);
      }
    };
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.client.quit(), this.subscriber?.quit()]);
  }

  private async subscriberConnection(): Promise<Redis> {
    if (!this.subscriber) {
      // A subscribed connection can run no other command, so it is a second one;
      // ioredis re-subscribes it by itself after a reconnect.
      this.subscriber = new Redis(this.options.url, { lazyConnect: true, retryStrategy: (n) => Math.min(n * 200, 2_000) });
      this.subscriber.on('error', (err) => this.options.logger.warn({ err: err.message }, 'redis subscriber error'));
      this.subscriber.on('message', (channel: string, message: string) => {
        for (const handler of this.handlers.get(channel) ?? []) handler(message);
      });
      await this.subscriber.connect();
    }
    return this.subscriber;
  }
}
