import type { ConflictMode } from './ingestion.repository.js';
import type { IngestionService, ItemError } from './ingestion.service.js';

/** One item of a stream: a parsed value, or a line that could not be parsed. */
export type SourceItem = { index: number; value: unknown; bytes?: number } | { index: number; unparsable: string; bytes?: number };

export interface RunTotals {
  received: number;
  inserted: number;
  updated: number;
  skipped: number;
  failed: number;
  /** Input bytes consumed so far (for progress over a file). */
  bytes: number;
}

export interface RunOptions {
  mode: ConflictMode;
  /** Items per transaction; at most MAX_ITEMS_PER_REQUEST. */
  batchSize: number;
  /** After every committed batch. */
  onProgress?: (totals: RunTotals) => void;
  /** Every failed item, with its index (the line number for a file). */
  onReject?: (error: ItemError) => void | Promise<void>;
  /**
   * Stops the run cleanly: no more items are read, a batch being prepared is
   * dropped, the batch being written commits; then the totals so far are returned.
   */
  signal?: AbortSignal;
}

/**
 * Feeds a stream of items through the same pipeline as the mutation, one
 * transaction per batch. Batch n+1 is validated and enriched while batch n is
 * being written, so the worker threads and the database work at the same
 * time. A failed write stops the run with its error: every earlier batch is
 * committed, that one and the later ones are not (re-running under SKIP resumes).
 * An aborted run ends the same way, without an error: check `signal.aborted`.
 */
export async function runBatches(service: IngestionService, source: AsyncIterable<SourceItem> | Iterable<SourceItem>, options: RunOptions): Promise<RunTotals> {
  const totals: RunTotals = { received: 0, inserted: 0, updated: 0, skipped: 0, failed: 0, bytes: 0 };
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown = null;

  const flush = async (batch: SourceItem[]): Promise<void> => {
    const parseErrors: ItemError[] = [];
    const values: unknown[] = [];
    const indexes: number[] = [];
    let bytes = 0;
    for (const item of batch) {
      bytes += item.bytes ?? 0;
      if ('unparsable' in item) {
        parseErrors.push({ index: item.index, callId: null, code: 'BAD_USER_INPUT', message: item.unparsable });
      } else {
        values.push(item.value);
        indexes.push(item.index);
      }
    }
    const prepared = await service.prepareCalls(values, options.mode, (position) => indexes[position]);
    await writing;
    if (failure || options.signal?.aborted) return;
    // Attached at once, so a failure is never an unhandled rejection while the next batch is prepared.
    writing = service.writePrepared(prepared).then(
      async (outcome) => {
        totals.received += outcome.received + parseErrors.length;
        totals.inserted += outcome.inserted;
        totals.updated += outcome.updated;
        totals.skipped += outcome.skipped;
        totals.failed += outcome.failed + parseErrors.length;
        totals.bytes += bytes;
        if (options.onReject) {
          const errors = [...parseErrors, ...outcome.errors].sort((a, b) => a.index - b.index);
          for (const error of errors) await options.onReject(error);
        }
        options.onProgress?.({ ...totals });
      },
      (err: unknown) => {
        failure = err;
      },
    );
  };

  let batch: SourceItem[] = [];
  const items = interruptible(source, options.signal);
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= options.batchSize) {
      await flush(batch);
      batch = [];
      if (failure || options.signal?.aborted) break;
    }
  }
  if (!failure && !options.signal?.aborted && batch.length > 0) await flush(batch);
  await writing;
  if (failure) throw failure;
  return totals;
}

/**
 * The source's items until the signal aborts, even while the source waits
 * (stdin from a producer that pauses): the pending read is abandoned, not
 * awaited, and the source is closed behind it.
 */
async function* interruptible(source: AsyncIterable<SourceItem> | Iterable<SourceItem>, signal: AbortSignal | undefined): AsyncGenerator<SourceItem> {
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : (source as Iterable<SourceItem>)[Symbol.iterator]();
  let finished = false;
  try {
    for (;;) {
      const pending = Promise.resolve(iterator.next());
      const next = await untilAborted(pending, signal);
      if (next === 'aborted') {
        // A read that fails after we stopped listening must not become an unhandled rejection.
        pending.catch(() => {});
        return;
      }
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // Not awaited: an async generator's return() waits for its pending read.
    if (!finished) void Promise.resolve(iterator.return?.()).catch(() => {});
  }
}

/**
 * The read, or 'aborted' when the signal fires first. A fresh abort promise
 * per read, dropped with its listener afterwards: racing every read against
 * one long-lived promise adds a reaction to it per read that lives as long as
 * it does, and each reaction keeps its read's item (a whole call) reachable:
 * `npm run seed -- --calls 1000000` reached V8's 4 GB heap limit at 765,000 calls.
 */
async function untilAborted<T>(read: Promise<T>, signal: AbortSignal | undefined): Promise<T | 'aborted'> {
  if (!signal) return read;
  if (signal.aborted) return 'aborted';
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([read, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}
