import type { CacheStore } from '../cache/store.js';

/**
 * Published once after every committed ingestion write (a batch of calls, an
 * upsert of agents or customers) on the shared cache store, so every gateway
 * instance (Redis pub/sub) can drop what it cached about those rows.
 */
export const CALLS_CHANGED_CHANNEL = 'calls.changed';

/** The JSON payload of {@link CALLS_CHANGED_CHANNEL}. */
export interface CallsChangedEvent {
  /** Calls inserted or replaced. */
  callIds: string[];
  /** Agents created or updated, the agents of the changed calls, and the agents an UPDATE moved calls away from (their numbers moved too). */
  agentIds: string[];
  /** The same for customers. */
  customerIds: string[];
  /** When the write committed, ISO-8601. */
  at: string;
}

export function encodeCallsChanged(event: CallsChangedEvent): string {
  return JSON.stringify(event);
}

/** For subscribers: the event, or null when the message is not one. */
export function decodeCallsChanged(message: string): CallsChangedEvent | null {
  try {
    const value = JSON.parse(message) as Partial<CallsChangedEvent>;
    const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
    if (strings(value.callIds) && strings(value.agentIds) && strings(value.customerIds) && typeof value.at === 'string') {
      return value as CallsChangedEvent;
    }
  } catch {
    // not JSON: fall through
  }
  return null;
}

export async function publishCallsChanged(cache: CacheStore, event: CallsChangedEvent): Promise<void> {
  await cache.publish(CALLS_CHANGED_CHANNEL, encodeCallsChanged(event));
}
