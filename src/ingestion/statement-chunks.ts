import type { CallRowToWrite } from './ingestion.repository.js';

/** Bounds of one multi-row INSERT: its rows and the characters of its parameters. */
export interface StatementBounds {
  rows: number;
  bytes: number;
}

/**
 * Roughly what a row sends to the database (UTF-16 units, a close enough
 * stand-in for bytes): its texts and JSON dominate, transcripts of 200,000
 * characters and their utterances above all.
 */
export function rowSize({ call, enrichment: e }: CallRowToWrite): number {
  return call.transcript.length + e.utterancesJson.length + e.insightsJson.length + e.nudgesJson.length + (e.embedding?.length ?? 0) + 256;
}

/**
 * Consecutive chunks of `rows`, each within both bounds (a single row larger
 * than `bytes` is a chunk of its own). Counting rows alone let one statement
 * of 100 long transcripts run for ten seconds and hit the timeout.
 */
export function chunkRows<T extends CallRowToWrite>(rows: readonly T[], bounds: StatementBounds): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let size = 0;
  for (const row of rows) {
    const n = rowSize(row);
    if (chunk.length > 0 && (chunk.length >= bounds.rows || size + n > bounds.bytes)) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
    chunk.push(row);
    size += n;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
