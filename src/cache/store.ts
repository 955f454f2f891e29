/**
 * What Parley shares between gateway instances: today the pub/sub that
 * carries `calls.changed`, and a liveness probe. Two implementations with
 * the same behaviour: Redis (shared by every instance) and in-process (one
 * instance). Channels are given without the deployment prefix; each store
 * adds its own. The response cache, cost budgets and rate limits add their
 * operations here when they arrive.
 */
export interface CacheStore {
  readonly kind: 'redis' | 'memory';
  publish(channel: string, message: string): Promise<void>;
  /** Calls `handler` for every message on `channel`; returns a function that unsubscribes. */
  subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;
  /** Resolves when the store answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
