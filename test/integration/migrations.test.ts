import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { openDatabase, queryRows } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/observability/logger.js';
import { createTestDatabase } from '../support/harness.js';
import { testModes } from '../support/modes.js';

const logger = createLogger({ LOG_LEVEL: 'silent' });

describe.runIf(testModes.includes('postgres'))('migrations on a PostgreSQL server', () => {
  it('apply once when two servers migrate the same empty database at the same time', async () => {
    const database = await createTestDatabase();
    const config = parseConfig({ DATABASE_URL: database.url });
    const [a, b] = await Promise.all([openDatabase(config, logger), openDatabase(config, logger)]);
    try {
      const [ra, rb] = await Promise.all([migrate(a.db), migrate(b.db)]);
      // Exactly one of them applied everything; the other waited on the lock and found nothing to do.
      expect([ra.applied.length, rb.applied.length].sort()).toEqual([0, ra.total]);
      const [{ n }] = await queryRows<{ n: number }>(a.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(n).toBe(ra.total);
      const tables = await queryRows<{ relname: string }>(
        a.db,
        sql`select relname from pg_class where relname in ('agents', 'customers', 'calls', 'mv_agent_analytics', 'mv_daily_stats') order by relname`,
      );
      expect(tables.map((t) => t.relname)).toEqual(['agents', 'calls', 'customers', 'mv_agent_analytics', 'mv_daily_stats']);
      const indexes = await queryRows<{ indexdef: string }>(a.db, sql`select indexdef from pg_indexes where tablename = 'calls'`);
      expect(indexes.some((i) => /USING hnsw \(embedding vector_cosine_ops\)/.test(i.indexdef))).toBe(true);
      expect(indexes.some((i) => /USING gin \(search_vector\)/.test(i.indexdef))).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await database.drop();
    }
  });
});
