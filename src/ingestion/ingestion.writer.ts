import type { Logger } from 'pino';
import type { CacheStore } from '../cache/store.js';
import type { Database } from '../db/client.js';
import { translateDatabaseError } from '../db/errors.js';
import type { PartyKind } from '../parties/party.kind.js';
import { publishCallsChanged } from './events.js';
import { type CallRowToWrite, type ConflictMode, ensureParties, updateEmbeddings, upsertPartyRows, writeCallRows } from './ingestion.repository.js';
import type { ValidParty } from './ingestion.validation.js';
import type { ViewRefresher } from './view-refresher.js';

export interface WriterDeps {
  db: Database;
  cache: CacheStore;
  refresher: ViewRefresher;
  logger: Logger;
  /** Embedding model of the vectors being written. */
  modelId: string;
  rowsPerStatement: number;
}

export interface CallsWriteResult {
  inserted: string[];
  updated: string[];
  skipped: string[];
  /** Calls whose agent or customer does not exist and was not named. */
  unknown: { callId: string; code: 'UNKNOWN_AGENT' | 'UNKNOWN_CUSTOMER'; message: string }[];
}

/**
 * The one place where ingestion writes land. Each method is one transaction;
 * after it commits, the analytics views are scheduled for a refresh and one
 * `calls.changed` event is published. A failure rolls the whole transaction
 * back and is thrown, never turned into partial success.
 */
export class IngestionWriter {
  readonly #deps: WriterDeps;
  readonly #publishing = new Set<Promise<void>>();

  constructor(deps: WriterDeps) {
    this.#deps = deps;
  }

  async writeCalls(rows: readonly CallRowToWrite[], mode: ConflictMode): Promise<CallsWriteResult> {
    const { db, modelId, rowsPerStatement } = this.#deps;
    const result: CallsWriteResult = { inserted: [], updated: [], skipped: [], unknown: [] };
    if (rows.length === 0) return result;
    const created = { agents: [] as string[], customers: [] as string[] };
    try {
      await db.transaction(async (tx) => {
        const agents = await ensureParties(tx, 'agent', unique(rows.map((r) => r.call.agentId)), namedParties(rows, 'agent'));
        const customers = await ensureParties(tx, 'customer', unique(rows.map((r) => r.call.customerId)), namedParties(rows, 'customer'));
        created.agents = agents.created;
        created.customers = customers.created;
        const writable: CallRowToWrite[] = [];
        for (const row of rows) {
          const { callId, agentId, customerId } = row.call;
          if (!agents.known.has(agentId)) {
            result.unknown.push({ callId, code: 'UNKNOWN_AGENT', message: `agentId ${JSON.stringify(agentId)} does not exist; send agentName to create it` });
          } else if (!customers.known.has(customerId)) {
            result.unknown.push({ callId, code: 'UNKNOWN_CUSTOMER', message: `customerId ${JSON.stringify(customerId)} does not exist; send customerName to create it` });
          } else {
            writable.push(row);
          }
        }
        const written = await writeCallRows(tx, writable, mode, modelId, rowsPerStatement);
        const done = new Set<string>();
        for (const w of written) {
          (w.inserted ? result.inserted : result.updated).push(w.callId);
          done.add(w.callId);
        }
        for (const row of writable) if (!done.has(row.call.callId)) result.skipped.push(row.call.callId);
      });
    } catch (err) {
      throw translateDatabaseError(err, 'nothing of this batch was written; retry it');
    }
    const changed = new Set([...result.inserted, ...result.updated]);
    const changedRows = rows.filter((r) => changed.has(r.call.callId));
    if (changed.size > 0 || created.agents.length > 0 || created.customers.length > 0) {
      this.#committed({
        callIds: [...changed],
        agentIds: unique([...created.agents, ...changedRows.map((r) => r.call.agentId)]),
        customerIds: unique([...created.customers, ...changedRows.map((r) => r.call.customerId)]),
        refreshViews: changed.size > 0,
      });
    }
    return result;
  }

  async upsertParties(kind: PartyKind, rows: readonly ValidParty[]): Promise<{ id: string; inserted: boolean }[]> {
    if (rows.length === 0) return [];
    let written: { id: string; inserted: boolean }[];
    try {
      written = await this.#deps.db.transaction((tx) => upsertPartyRows(tx, kind, rows));
    } catch (err) {
      throw translateDatabaseError(err, 'nothing of this batch was written; retry it');
    }
    const ids = written.map((w) => w.id);
    this.#committed({
      callIds: [],
      agentIds: kind === 'agent' ? ids : [],
      customerIds: kind === 'customer' ? ids : [],
      // Names are not part of the views.
      refreshViews: false,
    });
    return written;
  }

  /** For `npm run reembed`: new vectors for existing calls, in one transaction. */
  async replaceEmbeddings(rows: readonly { callId: string; embedding: string }[]): Promise<number> {
    if (rows.length === 0) return 0;
    let updated: number;
    try {
      updated = await this.#deps.db.transaction((tx) => updateEmbeddings(tx, rows, this.#deps.modelId));
    } catch (err) {
      throw translateDatabaseError(err, 'nothing of this batch was written; retry it');
    }
    // similarCalls answers change; the aggregates do not.
    this.#committed({ callIds: rows.map((r) => r.callId), agentIds: [], customerIds: [], refreshViews: false });
    return updated;
  }

  #committed(change: { callIds: string[]; agentIds: string[]; customerIds: string[]; refreshViews: boolean }): void {
    const { cache, refresher, logger } = this.#deps;
    if (change.refreshViews) refresher.schedule();
    const { refreshViews: _omit, ...ids } = change;
    // The write has committed: a cache outage must not turn it into an error,
    // but it must be loud, since stale cached answers follow from it.
    const publishing = publishCallsChanged(cache, { ...ids, at: new Date().toISOString() })
      .catch((err: unknown) => logger.error({ err, calls: ids.callIds.length }, 'publishing calls.changed failed; caches may serve stale data'))
      .finally(() => this.#publishing.delete(publishing));
    this.#publishing.add(publishing);
  }

  /** Waits for events still being published (before the cache store closes). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.#publishing]);
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The first name given for each id in the batch. */
function namedParties(rows: readonly CallRowToWrite[], kind: PartyKind): { id: string; name: string }[] {
  const names = new Map<string, string>();
  for (const { call } of rows) {
    const [id, name] = kind === 'agent' ? [call.agentId, call.agentName] : [call.customerId, call.customerName];
    if (name !== null && !names.has(id)) names.set(id, name);
  }
  return [...names].map(([id, name]) => ({ id, name }));
}
