/** SQL statements issued on behalf of one unit of work (an HTTP request). */
export interface SqlStats {
  statements: number;
}

/** What a counted handle needs: drizzle's database and transaction objects both have these. */
interface Executor {
  execute(...args: any[]): any;
  transaction(fn: (tx: any) => Promise<any>, ...rest: any[]): Promise<any>;
}

/**
 * The same database handle, counting every statement issued through it (and
 * through transactions opened on it) into `stats`. One per request: cheaper
 * than attributing statements through AsyncLocalStorage, whose promise hooks
 * cost every promise of the process.
 */
export function countStatements<D extends Executor>(db: D, stats: SqlStats): D {
  const counted = Object.create(db) as D;
  counted.execute = ((...args: unknown[]) => {
    stats.statements += 1;
    return db.execute(...args);
  }) as D['execute'];
  counted.transaction = ((fn: (tx: unknown) => Promise<unknown>, ...rest: unknown[]) =>
    db.transaction((tx) => fn(countStatements(tx as Executor, stats)), ...rest)) as D['transaction'];
  return counted;
}
