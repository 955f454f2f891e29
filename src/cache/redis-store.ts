import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { CacheStore } from './store.js';

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
