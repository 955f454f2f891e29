import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runBatches, type SourceItem } from '../../../src/ingestion/batch-runner.js';
import type { IngestionService, PreparedBatch } from '../../../src/ingestion/ingestion.service.js';
import { generateCalls } from '../../../src/synthetic/generator.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

/** Counts and forgets: the batch runner's own memory is what is measured here, not the pipeline's. */
const forgetful = {
  prepareCalls: async (items: readonly unknown[]) => ({ received: items.length, mode: 'skip', errors: [], skipped: 0, rows: [] }) as PreparedBatch,
  writePrepared: async (batch: PreparedBatch) => ({ received: batch.received, inserted: batch.received, updated: 0, skipped: 0, failed: 0, errors: [] }),
} as unknown as IngestionService;

describe('runBatches', () => {
  it('keeps nothing of the calls it has written, when it can be interrupted (the seed, with Ctrl-C armed)', async () => {
    // 20,000 generated calls: racing every read against one long-lived abort promise kept each
    // of them reachable (+103 MB here; npm run seed reached the 4 GB heap limit at 765,000 calls).
    function* items(): Generator<SourceItem> {
      let index = 0;
      for (const call of generateCalls({ calls: 20_000, seed: 1 })) yield { index: index++, value: call };
    }
    const before = heapMb();
    const controller = new AbortController();
    const totals = await runBatches(forgetful, items(), { mode: 'skip', batchSize: 500, signal: controller.signal });
    expect(totals.received).toBe(20_000);
    expect(heapMb() - before).toBeLessThan(20);
  });

  it('still stops at once when the signal aborts while the source waits', async () => {
    const controller = new AbortController();
    async function* stalled(): AsyncGenerator<SourceItem> {
      yield { index: 0, value: {} };
      await new Promise(() => {}); // a producer that never sends more
    }
    setTimeout(() => controller.abort(), 50);
    const totals = await runBatches(forgetful, stalled(), { mode: 'skip', batchSize: 10, signal: controller.signal });
    expect(totals.received).toBe(0);
  });
});
