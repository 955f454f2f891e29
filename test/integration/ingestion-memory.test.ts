import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type GatewayProcess, largestLegalRequest, MB, postIngest, RssSampler, rssOf, sleep, startGateway } from '../../bench/gateway-memory.js';
import { parseConfig } from '../../src/config.js';
import { createTestDatabase } from '../support/harness.js';
import { testModes } from '../support/modes.js';

// The compiled server as `npm start` runs it (npm test builds first), so its
// RSS is the process's own: one request, the largest the limits allow.
const SETTLED_LIMIT = 600 * MB;

describe.each(testModes)('memory of the gateway process (%s)', (mode) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('stores the largest legal ingestCalls request and is back under 600 MB of RSS ten seconds later', { timeout: 1_200_000 }, async () => {
    const env: Record<string, string> = {};
    if (mode === 'postgres') {
      const database = await createTestDatabase();
      cleanups.push(database.drop);
      env.DATABASE_URL = database.url;
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'parley-memory-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env.DATA_DIR = dir;
    }
    const gateway: GatewayProcess = await startGateway(env);
    cleanups.push(() => gateway.stop());
    const sampler = new RssSampler(gateway.pid);
    cleanups.push(() => sampler.stop());

    const request = largestLegalRequest(parseConfig({}).GRAPHQL_BODY_LIMIT, 'MEMTEST');
    expect(request.calls).toBeGreaterThan(300);
    await sleep(2_000);
    const idle = rssOf(gateway.pid)!;
    const reply = await postIngest(gateway.url, request.body);
    expect(reply).toMatchObject({ received: request.calls, inserted: request.calls, failed: 0 });
    await sleep(10_000);
    const settled = rssOf(gateway.pid)!;
    const report = `${mode}: ${request.calls} calls, ${(request.bytes / MB).toFixed(1)} MB; RSS idle ${Math.round(idle / MB)} MB, peak ${Math.round(sampler.max / MB)} MB, 10 s after ${Math.round(settled / MB)} MB`;
    console.log(report);
    expect(settled, report).toBeLessThan(SETTLED_LIMIT);
  });
});
