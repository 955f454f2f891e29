import { AsyncLocalStorage } from 'node:async_hooks';

/** SQL statements issued on behalf of one unit of work (an HTTP request, a CLI batch). */
export interface SqlStats {
  statements: number;
}

const storage = new AsyncLocalStorage<SqlStats>();

/** Runs `fn` with a fresh statement counter; every query it causes, however deep, is counted. */
export function withSqlStats<T>(stats: SqlStats, fn: () => T): T {
  return storage.run(stats, fn);
}

/** Called by the database logger for every statement drizzle sends. */
export function recordStatement(): void {
  const stats = storage.getStore();
  if (stats) stats.statements += 1;
}
