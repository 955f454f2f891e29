import type { Logger } from 'pino';
import { markAnalyticsViewsBehind } from '../analytics/analytics.repository.js';
import type { CacheStore } from '../cache/store.js';
import type { Database } from '../db/client.js';
import { describeError, isDataRefused, loggableError, translateDatabaseError } from '../db/errors.js';
import type { PartyKind } from '../parties/party.kind.js';
import { publishCallsChanged } from './events.js';
import {
  type CallRowToWrite,
  type ConflictMode,
  type Executor,
  ensureParties,
  insertCallRows,
  lockCallParties,
  setLocalStatementTimeout,
  updateEmbeddings,
  upsertPartyRows,
} from './ingestion.repository.js';
import type { ValidParty } from './ingestion.validation.js';
import { chunkRows, type StatementBounds } from './statement-chunks.js';
import type { ViewRefresher } from './view-refresher.js';

export interface WriterDeps {
  db: Database;
  cache: CacheStore;
  refresher: ViewRefresher;
  logger: Logger;
  /** Embedding model of the vectors being written. */
  modelId: string;
  /** Rows and bytes of one multi-row INSERT. */
  statement: StatementBounds;
  /** statement_timeout inside write transactions; the API's own timeout is for reads. */
  statementTimeoutMs: number;
}

export interface CallsWriteResult {
  inserted: string[];
  updated: string[];
  skipped: string[];
  /** Calls whose agent or customer does not exist and was not named. */
  unknown: { callId: string; code: 'UNKNOWN_AGENT' | 'UNKNOWN_CUSTOMER'; message: string }[];
  /** Calls the database refused although they passed validation; the rest of the batch is written. */
  refused: { callId: string; code: 'BAD_USER_INPUT'; message: string }[];
}

type Written = { callId: string; inserted: boolean }[];

/**
 * The one place where ingestion writes land. Each method is one transaction;
 * after it commits, the analytics views are scheduled for a refresh and one
 * `calls.changed` event is published. An unavailable database rolls the
 * whole transaction back and is thrown; a call the database refuses is
 * isolated and reported, and its siblings are written.
 */
export class IngestionWriter {
  readonly #deps: WriterDeps;
  readonly #publishing = new Set<Promise<void>>();

  constructor(deps: WriterDeps) {
    this.#deps = deps;
  }

  async writeCalls(rows: readonly CallRowToWrite[], mode: ConflictMode): Promise<CallsWriteResult> {
    const { db, statement, statementTimeoutMs } = this.#deps;
    const result: CallsWriteResult = { inserted: [], updated: [], skipped: [], unknown: [], refused: [] };
    if (rows.length === 0) return result;
    const created = { agents: [] as string[], customers: [] as string[] };
    // Where UPDATE moved calls from: those parties' numbers changed too.
    const previous = new Map<string, { agentId: string; customerId: string }>();
    try {
      await db.transaction(async (tx) => {
        await setLocalStatementTimeout(tx, statementTimeoutMs);
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
        // Sorted by callId: concurrent batches with overlapping ids then take
        // their row locks in the same order, which rules out deadlocks.
        writable.sort((a, b) => (a.call.callId < b.call.callId ? -1 : a.call.callId > b.call.callId ? 1 : 0));
        for (const chunk of chunkRows(writable, statement)) {
          if (mode === 'update') for (const [callId, parties] of await lockCallParties(tx, chunk.map((r) => r.call.callId))) previous.set(callId, parties);
          for (const w of await this.#insertIsolating(tx, chunk, mode, result.refused)) (w.inserted ? result.inserted : result.updated).push(w.callId);
        }
        // Durable, with the write: a process that dies before its refresh still leaves the views marked behind.
        if (result.inserted.length + result.updated.length > 0) await markAnalyticsViewsBehind(tx);
        const done = new Set([...result.inserted, ...result.updated, ...result.refused.map((r) => r.callId)]);
        for (const row of writable) if (!done.has(row.call.callId)) result.skipped.push(row.call.callId);
      });
    } catch (err) {
      throw translateDatabaseError(err, 'nothing of this batch was written');
    }
    const changed = new Set([...result.inserted, ...result.updated]);
    const changedRows = rows.filter((r) => changed.has(r.call.callId));
    const moved = [...changed].flatMap((callId) => previous.get(callId) ?? []);
    if (changed.size > 0 || created.agents.length > 0 || created.customers.length > 0) {
      this.#committed({
        callIds: [...changed],
        agentIds: unique([...created.agents, ...changedRows.map((r) => r.call.agentId), ...moved.map((p) => p.agentId)]),
        customerIds: unique([...created.customers, ...changedRows.map((r) => r.call.customerId), ...moved.map((p) => p.customerId)]),
        refreshViews: changed.size > 0,
      });
    }
    return result;
  }

  /**
   * One INSERT under a savepoint. Validation should leave nothing for the
   * database to refuse; if it still does (a data or constraint error), the
   * chunk is split in halves until the refusing rows stand alone, so one
   * bad call never costs its batch. Any other failure ends the transaction.
   */
  async #insertIsolating(tx: Database, chunk: CallRowToWrite[], mode: ConflictMode, refused: CallsWriteResult['refused']): Promise<Written> {
    try {
      return await tx.transaction((savepoint) => insertCallRows(savepoint as unknown as Executor, chunk, mode, this.#deps.modelId));
    } catch (err) {
      if (!isDataRefused(err)) throw err;
      if (chunk.length === 1) {
        const { callId } = chunk[0].call;
        this.#deps.logger.warn({ callId, err: loggableError(err) }, 'the database refused a call that passed validation');
        refused.push({ callId, code: 'BAD_USER_INPUT', message: `the database refused this call: ${describeError(err)}` });
        return [];
      }
      const half = Math.ceil(chunk.length / 2);
      return [
        ...(await this.#insertIsolating(tx, chunk.slice(0, half), mode, refused)),
        ...(await this.#insertIsolating(tx, chunk.slice(half), mode, refused)),
      ];
    }
  }

  async upsertParties(kind: PartyKind, rows: readonly ValidParty[]): Promise<{ id: string; inserted: boolean }[]> {
    if (rows.length === 0) return [];
    let written: { id: string; inserted: boolean }[];
    try {
      written = await this.#deps.db.transaction(async (tx) => {
        await setLocalStatementTimeout(tx, this.#deps.statementTimeoutMs);
        return upsertPartyRows(tx, kind, rows);
      });
    } catch (err) {
      throw translateDatabaseError(err, 'nothing of this batch was written');
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

  /**
   * For `npm run reembed`: new vectors for existing calls, in one
   * transaction; a call whose text changed since it was read keeps its newer
   * vector. Returns the callIds updated.
   */
  async replaceEmbeddings(rows: readonly { callId: string; version: string; embedding: string }[]): Promise<string[]> {
    if (rows.length === 0) return [];
    let updated: string[];
    try {
      updated = await this.#deps.db.transaction(async (tx) => {
        await setLocalStatementTimeout(tx, this.#deps.statementTimeoutMs);
        return updateEmbeddings(tx, rows, this.#deps.modelId);
      });
    } catch (err) {
      throw translateDatabaseError(err, 'nothing of this batch was written');
    }
    // similarCalls answers change; the aggregates do not.
    if (updated.length > 0) this.#committed({ callIds: updated, agentIds: [], customerIds: [], refreshViews: false });
    return updated;
  }

  #committed(change: { callIds: string[]; agentIds: string[]; customerIds: string[]; refreshViews: boolean }): void {
    const { cache, refresher, logger } = this.#deps;
    if (change.refreshViews) refresher.schedule();
    const { refreshViews: _omit, ...ids } = change;
    // The write has committed: a cache outage must not turn it into an error,
    // but it must be loud, since stale cached answers follow from it.
    const publishing = publishCallsChanged(cache, { ...ids, at: new Date().toISOString() })
      .catch((err: unknown) => logger.error({ err: loggableError(err), calls: ids.callIds.length }, 'publishing calls.changed failed; caches may serve stale data'))
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
