import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { MATERIALIZED_VIEWS } from '../db/schema/index.js';

/**
 * Recomputes the analytics views. CONCURRENTLY keeps them readable during the
 * refresh (it needs their unique indexes); it cannot run inside a transaction.
 */
export async function refreshAnalyticsViews(db: Database): Promise<void> {
  for (const view of MATERIALIZED_VIEWS) {
    await db.execute(sql.raw(`refresh materialized view concurrently ${view}`));
  }
}
