import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { generateCalls } from '../synthetic/generator.js';
import { runBatches } from './batch-runner.js';
import { hasNoCalls } from './ingestion.repository.js';
import type { IngestionService } from './ingestion.service.js';

const DEMO_AGENTS = 20;
const DEMO_SEED = 42;
const DEMO_DAYS = 90;
const DEMO_BATCH = 50;

/**
 * On the first start of an empty embedded database, ingests a small synthetic
 * data set through the normal pipeline, so Sandbox has something to show at
 * once. Never for a PostgreSQL server: that is somebody's real data. It runs
 * in the background (the server is ready at once; the calls appear within
 * seconds), so a slow seed never holds up start-up.
 */
export async function seedDemoIfEmpty(
  deps: { config: Config; db: Database; mode: 'postgres' | 'embedded'; service: IngestionService; logger: Logger },
  /** Checked between batches, so a shutdown does not wait for the whole seed. */
  stopping: () => boolean = () => false,
): Promise<void> {
  const { config, db, mode, service, logger } = deps;
  if (!config.DEMO_SEED || mode !== 'embedded') return;
  if (!(await hasNoCalls(db))) return;
  const started = performance.now();
  // Recent start times, so the last weeks of the dashboards are not empty.
  const calls = generateCalls({ calls: config.DEMO_SEED_CALLS, seed: DEMO_SEED, agents: DEMO_AGENTS, until: new Date(Date.now() - 60_000), days: DEMO_DAYS });
  const items = (function* () {
    let index = 0;
    for (const call of calls) {
      if (stopping()) return;
      yield { index: index++, value: call };
    }
  })();
  // Small transactions: PGlite is one connection, and requests get in between them.
  const totals = await runBatches(service, items, { mode: 'skip', batchSize: DEMO_BATCH });
  await service.refresher.flush();
  logger.info(
    { calls: totals.inserted, failed: totals.failed, agents: DEMO_AGENTS, ms: Math.round(performance.now() - started) },
    `demo seed: ingested ${totals.inserted} synthetic calls of ${DEMO_AGENTS} agents into the empty embedded database (DEMO_SEED=false turns this off)`,
  );
}
