import type { Logger } from 'pino';
import { translateDatabaseError } from '../db/errors.js';
import { badInput, type ErrorCode } from '../errors.js';
import { PARTIES, type PartyKind } from '../parties/party.kind.js';
import type { Enricher } from './enrichment/enricher.js';
import type { HeapRelease } from './heap-release.js';
import { type CallRowToWrite, type ConflictMode, type Executor, findExistingCallIds } from './ingestion.repository.js';
import { callIdOf, CALL_ID_PATTERN, MAX_ITEMS_PER_REQUEST, validateCall, validateParty, type ValidParty } from './ingestion.validation.js';
import type { IngestionWriter } from './ingestion.writer.js';
import type { ViewRefresher } from './view-refresher.js';

/** One failed item; `index` is its position in the request (or its line in a file). */
export interface ItemError {
  index: number;
  callId: string | null;
  code: ErrorCode;
  message: string;
}

export interface IngestionOutcome {
  received: number;
  inserted: number;
  updated: number;
  skipped: number;
  failed: number;
  errors: ItemError[];
}

export interface UpsertOutcome {
  received: number;
  inserted: number;
  updated: number;
  failed: number;
  errors: ItemError[];
}

/** A batch after validation and enrichment, ready for one write transaction. */
export interface PreparedBatch {
  received: number;
  mode: ConflictMode;
  errors: ItemError[];
  /** Items skipped before enrichment: under SKIP their callId already exists. */
  skipped: number;
  rows: (CallRowToWrite & { index: number })[];
}

export interface IngestionDeps {
  db: Executor;
  enricher: Enricher;
  writer: IngestionWriter;
  refresher: ViewRefresher;
  logger: Logger;
  /** The clock for the "not more than a day in the future" rule. */
  now?: () => Date;
  /** The server's: collects a large batch's garbage once ingestion is quiet. */
  heapRelease?: HeapRelease;
}

/**
 * The ingestion pipeline, shared by Mutation.ingestCalls, the NDJSON CLI, the
 * seed and the demo seed: validate each item on its own, drop in-batch
 * duplicates, skip known callIds early under SKIP, enrich, write.
 */
export class IngestionService {
  readonly #deps: IngestionDeps;

  constructor(deps: IngestionDeps) {
    this.#deps = deps;
  }

  get modelId(): string {
    return this.#deps.enricher.modelId;
  }

  get refresher(): ViewRefresher {
    return this.#deps.refresher;
  }

  /** The mutation: at most MAX_ITEMS_PER_REQUEST items, else nothing is done at all. */
  async ingestCalls(items: readonly unknown[], mode: ConflictMode): Promise<IngestionOutcome> {
    if (items.length > MAX_ITEMS_PER_REQUEST) {
      throw badInput('calls', `ingestCalls accepts at most ${MAX_ITEMS_PER_REQUEST} calls per request; got ${items.length}`);
    }
    const run = async () => this.writePrepared(await this.prepareCalls(items, mode));
    const { heapRelease } = this.#deps;
    return heapRelease ? heapRelease.around(transcriptChars(items), run) : run();
  }

  /**
   * Validation, deduplication and enrichment: everything before the write.
   * `indexOf` maps a position to the index reported in errors (the CLI
   * reports line numbers).
   */
  async prepareCalls(items: readonly unknown[], mode: ConflictMode, indexOf: (position: number) => number = (i) => i): Promise<PreparedBatch> {
    const now = (this.#deps.now ?? (() => new Date()))();
    const errors: ItemError[] = [];
    const claimed = new Set<string>();
    let candidates: (CallRowToWrite['call'] & { index: number })[] = [];
    items.forEach((item, position) => {
      const index = indexOf(position);
      const callId = callIdOf(item);
      // The first item with a callId claims it, valid or not: a later one is a duplicate either way.
      if (callId !== null && CALL_ID_PATTERN.test(callId)) {
        if (claimed.has(callId)) {
          errors.push({ index, callId, code: 'DUPLICATE_IN_BATCH', message: `callId ${callId} already appears earlier in this batch; the first occurrence wins` });
          return;
        }
        claimed.add(callId);
      }
      const checked = validateCall(item, now);
      if (checked.ok) candidates.push({ ...checked.value, index });
      else errors.push({ index, callId, code: 'BAD_USER_INPUT', message: checked.problems.join('; ') });
    });
    let skipped = 0;
    if (mode === 'skip' && candidates.length > 0) {
      // Calls are never deleted, so a callId seen here is still there at write time: skip it without enriching.
      let existing: Set<string>;
      try {
        existing = await findExistingCallIds(this.#deps.db, candidates.map((c) => c.callId));
      } catch (err) {
        throw translateDatabaseError(err, 'nothing of this batch was written');
      }
      skipped = candidates.filter((c) => existing.has(c.callId)).length;
      candidates = candidates.filter((c) => !existing.has(c.callId));
    }
    const enriched = await this.#deps.enricher.enrich(candidates.map((c) => ({ transcript: c.transcript, language: c.language })));
    const rows: PreparedBatch['rows'] = [];
    candidates.forEach(({ index, ...call }, i) => {
      const outcome = enriched[i];
      if (outcome.ok) rows.push({ index, call, enrichment: outcome.value });
      else errors.push({ index, callId: call.callId, code: 'INTERNAL_SERVER_ERROR', message: outcome.message });
    });
    return { received: items.length, mode, errors, skipped, rows };
  }

  /** One transaction for the whole batch. */
  async writePrepared(batch: PreparedBatch): Promise<IngestionOutcome> {
    const result = await this.#deps.writer.writeCalls(batch.rows, batch.mode);
    const errors = [...batch.errors];
    const indexOf = new Map(batch.rows.map((r) => [r.call.callId, r.index]));
    for (const u of [...result.unknown, ...result.refused]) errors.push({ index: indexOf.get(u.callId)!, callId: u.callId, code: u.code, message: u.message });
    errors.sort((a, b) => a.index - b.index);
    return {
      received: batch.received,
      inserted: result.inserted.length,
      updated: result.updated.length,
      skipped: batch.skipped + result.skipped.length,
      failed: errors.length,
      errors,
    };
  }

  /** upsertAgents / upsertCustomers: create or update names and emails. */
  async upsertParties(kind: PartyKind, items: readonly unknown[]): Promise<UpsertOutcome> {
    const { plural, idField } = PARTIES[kind];
    if (items.length > MAX_ITEMS_PER_REQUEST) {
      throw badInput(plural, `at most ${MAX_ITEMS_PER_REQUEST} ${plural} per request; got ${items.length}`);
    }
    const errors: ItemError[] = [];
    const rows: ValidParty[] = [];
    const claimed = new Set<string>();
    items.forEach((item, index) => {
      const checked = validateParty(item, idField);
      if (!checked.ok) {
        errors.push({ index, callId: null, code: 'BAD_USER_INPUT', message: checked.problems.join('; ') });
      } else if (claimed.has(checked.value.id)) {
        errors.push({ index, callId: null, code: 'DUPLICATE_IN_BATCH', message: `${idField} ${checked.value.id} already appears earlier in this batch; the first occurrence wins` });
      } else {
        claimed.add(checked.value.id);
        rows.push(checked.value);
      }
    });
    const written = await this.#deps.writer.upsertParties(kind, rows);
    const inserted = written.filter((w) => w.inserted).length;
    return { received: items.length, inserted, updated: written.length - inserted, failed: errors.length, errors };
  }
}

function transcriptChars(items: readonly unknown[]): number {
  let chars = 0;
  for (const item of items) {
    const transcript = (item as { transcript?: unknown } | null)?.transcript;
    if (typeof transcript === 'string') chars += transcript.length;
  }
  return chars;
}
