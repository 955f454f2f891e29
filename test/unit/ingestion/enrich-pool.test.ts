import { describe, expect, it } from 'vitest';
import { EnrichPool } from '../../../src/ingestion/enrichment/enrich-pool.js';
import { HeapRelease } from '../../../src/ingestion/heap-release.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const item = { transcript: 'Agent: What does your team pay today?\nCustomer: The price is too high.', language: 'en' };

describe('EnrichPool', () => {
  // The compiled worker (npm test builds first): threads cannot load TypeScript.
  it('stops its threads after the idle period, so their heaps go back to the OS, and starts them again for the next task', async () => {
    const pool = new EnrichPool(1, { idleMs: 200 });
    try {
      expect(pool.running).toBe(0);
      const [first] = await pool.run([item], 384);
      expect(first.ok).toBe(true);
      expect(pool.running).toBe(1);
      await sleep(600);
      expect(pool.running).toBe(0);
      const [again] = await pool.run([item], 384);
      expect(again).toEqual(first);
      expect(pool.running).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('keeps its threads while tasks keep coming', async () => {
    const pool = new EnrichPool(1, { idleMs: 300 });
    try {
      for (let i = 0; i < 4; i++) {
        await pool.run([item], 384);
        await sleep(100);
        expect(pool.running).toBe(1);
      }
    } finally {
      await pool.close();
    }
  });
});

describe('HeapRelease', () => {
  it('collects once, after the last batch in flight has been quiet for the period, and only past the size threshold', async () => {
    let collections = 0;
    const release = new HeapRelease({ quietMs: 50, minChars: 1_000, collect: () => collections++ });
    await release.around(500, async () => {});
    await sleep(120);
    expect(collections).toBe(0); // 500 characters: below the threshold
    let finishSecond!: () => void;
    const second = release.around(600, () => new Promise<void>((resolve) => (finishSecond = resolve)));
    await release.around(10, async () => {});
    await sleep(120);
    expect(collections).toBe(0); // a batch is still in flight
    finishSecond();
    await second;
    await sleep(120);
    expect(collections).toBe(1);
    release.close();
  });
});
