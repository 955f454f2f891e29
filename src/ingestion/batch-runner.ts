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
}

/**
 * Feeds a stream of items through the same pipeline as the mutation, one
 * transaction per batch. Batch n+1 is validated and enriched while batch n is
 * being written, so the worker threads and the database work at the same
 * time. A failed write stops the run with its error: every earlier batch is
 * committed, that one and the later ones are not (re-running under SKIP resumes).
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
    if (failure) return;
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
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= options.batchSize) {
      await flush(batch);
      batch = [];
      if (failure) break;
    }
  }
  if (!failure && batch.length > 0) await flush(batch);
  await writing;
  if (failure) throw failure;
  return totals;
}
