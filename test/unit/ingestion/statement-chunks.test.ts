import { describe, expect, it } from 'vitest';
import type { CallRowToWrite } from '../../../src/ingestion/ingestion.repository.js';
import { chunkRows, rowSize } from '../../../src/ingestion/statement-chunks.js';

const row = (id: number, transcriptChars: number): CallRowToWrite =>
  ({
    call: { callId: `C-${id}`, transcript: 'x'.repeat(transcriptChars) },
    enrichment: { utterancesJson: 'u'.repeat(transcriptChars), insightsJson: '{}', nudgesJson: '[]', embedding: '[0]' },
  }) as unknown as CallRowToWrite;

describe('chunkRows', () => {
  it('cuts at whichever bound comes first: rows or bytes', () => {
    const small = Array.from({ length: 1_200 }, (_, i) => row(i, 1_000));
    expect(chunkRows(small, { rows: 500, bytes: 4_000_000 }).map((c) => c.length)).toEqual([500, 500, 200]);
    const large = Array.from({ length: 30 }, (_, i) => row(i, 200_000));
    const chunks = chunkRows(large, { rows: 500, bytes: 4_000_000 });
    expect(chunks.flat()).toEqual(large);
    for (const chunk of chunks) expect(chunk.reduce((n, r) => n + rowSize(r), 0)).toBeLessThanOrEqual(4_000_000);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
  });

  it('puts a row larger than the byte bound in a chunk of its own, keeping the order', () => {
    const rows = [row(1, 10), row(2, 3_000_000), row(3, 10)];
    expect(chunkRows(rows, { rows: 500, bytes: 1_000_000 }).map((c) => c.map((r) => r.call.callId))).toEqual([['C-1'], ['C-2'], ['C-3']]);
  });
});
