import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { MATERIALIZED_VIEWS } from '../db/schema/index.js';

/** Every view Query.analytics reads. */
export const ANALYTICS_VIEWS = MATERIALIZED_VIEWS;

/**
 * Recomputes the analytics views. CONCURRENTLY keeps them readable during the
 * refresh (it needs their unique indexes); it cannot run inside a transaction.
 * Until it runs, the views path of Query.analytics misses newer calls.
 */
export async function refreshAnalyticsViews(db: Database): Promise<void> {
  for (const view of ANALYTICS_VIEWS) {
    await db.execute(sql.raw(`refresh materialized view concurrently ${view}`));
  }
}
