/**
 * The small key-value interface that the response cache, cost budgets, rate
 * limits and pub/sub build on. Two implementations with the same behaviour:
 * Redis (shared by every gateway instance) and in-process (one instance).
 * Keys are given without the deployment prefix; each store adds its own.
 */
export interface CacheStore {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  /** Stores a value; with `ttlMs`, it expires after that many milliseconds. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Atomically adds 1 and returns the new value; the TTL is set when the key is created. */
  incr(key: string, ttlMs?: number): Promise<number>;
  /** Deletes keys; returns how many existed. */
  del(...keys: string[]): Promise<number>;
  publish(channel: string, message: string): Promise<void>;
  /** Calls `handler` for every message on `channel`; returns a function that unsubscribes. */
  subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;
  /** Resolves when the store answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
