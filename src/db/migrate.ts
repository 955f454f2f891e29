import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './client.js';
import { queryRows } from './client.js';

/** The migrations folder of this checkout (`drizzle/`), from src/ or dist/src/. */
export function defaultMigrationsFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = here.includes(`${path.sep}dist${path.sep}`) ? path.resolve(here, '../../..') : path.resolve(here, '../..');
  return path.join(root, 'drizzle');
}

/** Any constant works; it only has to be the same in every Parley process. */
const MIGRATION_LOCK_KEY = 7_304_112_026;

export interface MigrationResult {
  applied: string[];
  total: number;
}

/**
 * Applies the pending drizzle-kit migrations in one transaction.
 * Safe when several servers start at once: the first takes a transaction-level
 * advisory lock, the others wait for it and then find nothing left to do.
 * drizzle's own migrator reads its bookkeeping before taking any lock, so two
 * servers could both apply the same file; hence this small replacement, which
 * keeps drizzle's bookkeeping table (drizzle.__drizzle_migrations) unchanged.
 */
export async function migrate(db: Database, migrationsFolder = defaultMigrationsFolder()): Promise<MigrationResult> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  const tagOf = new Map(journal.entries.map((e) => [e.when, e.tag]));
  return db.transaction(async (tx) => {
    // Not under the API's DATABASE_STATEMENT_TIMEOUT_MS: an index build on a large table, or
    // waiting for another server's migration, may take longer (and in embedded mode a timeout
    // restarts the database). Local: it ends with this transaction.
    await tx.execute(sql`select set_config('statement_timeout', '0', true)`);
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (
      id serial primary key, hash text not null, created_at bigint)`);
    const [last] = await queryRows<{ created_at: string | number }>(
      tx,
      sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    const lastApplied = last ? Number(last.created_at) : -1;
    const applied: string[] = [];
    for (const migration of migrations) {
      if (migration.folderMillis <= lastApplied) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      applied.push(tagOf.get(migration.folderMillis) ?? String(migration.folderMillis));
    }
    return { applied, total: migrations.length };
  });
}
