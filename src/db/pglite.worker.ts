import { parentPort, workerData } from 'node:worker_threads';

/**
 * The embedded database (PGlite) on a worker thread. PGlite runs each statement
 * synchronously in WebAssembly and ignores statement_timeout, so on the main
 * thread one slow statement stopped every request; here it stops only this
 * thread, and the main thread can end it (see embedded-client.ts). One message
 * is one statement; the main thread sends the next only after the reply.
 */

export interface EmbeddedWorkerData {
  dataDir: string;
  /** The session's statement_timeout, in ms (0 = none), as postgres mode sets it per connection. */
  statementTimeoutMs: number;
}

export type EmbeddedRequest =
  | {
      id: number;
      kind: 'query';
      sql: string;
      params: unknown[];
      rowMode: 'array' | 'object';
      /** Types whose values come back as PostgreSQL's text (the caller's own parsers apply them on the main thread). */
      textTypes: number[];
      paramTypes?: number[];
    }
  | { id: number; kind: 'exec'; sql: string }
  | { id: number; kind: 'close' };

export interface EmbeddedResult {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

/** An error as it crosses threads: its message and the PostgreSQL fields (never the statement's parameters). */
export type SerializedError = { message: string } & Record<string, string | number>;

export type EmbeddedReply =
  | { kind: 'ready'; timeoutMs: number }
  | {
      kind: 'reply';
      id: number;
      /** statement_timeout in force after this statement (set_config(..., true) raises it for one transaction). */
      timeoutMs: number;
      ok: true;
      result: EmbeddedResult | EmbeddedResult[] | null;
    }
  | { kind: 'reply'; id: number; timeoutMs: number; ok: false; error: SerializedError };

function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { message: String(err) };
  const out: SerializedError = { message: err.message, name: err.name };
  for (const [key, value] of Object.entries(err)) {
    if (key === 'params' || key === 'queryOptions') continue;
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  return out;
}

const strip = (r: { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number }): EmbeddedResult => ({
  rows: r.rows,
  fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
  affectedRows: r.affectedRows,
});

// Runs only as a worker thread; importing this module elsewhere does nothing.
if (parentPort) {
  const port = parentPort;
  const { dataDir, statementTimeoutMs } = workerData as EmbeddedWorkerData;
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const pg = await PGlite.create(dataDir, { extensions: { vector } });
  await pg.exec(`set statement_timeout = ${Math.trunc(statementTimeoutMs)}`);
  // PGlite builds its catalog caches slowly: the first statements on a table after an open take
  // a few hundred ms more. Warm them now, before any watchdog runs, or after a restart the first
  // cheap statement could overrun a short timeout and restart the database again.
  const relations = await pg.query<{ name: string }>(`select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'm', 'v') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'`);
  for (const { name } of relations.rows) await pg.exec(`explain select * from ${name}`);
  let timeoutMs = statementTimeoutMs;

  /** Re-reads statement_timeout; in an aborted transaction it keeps the last value until the transaction ends. */
  const readTimeout = async () => {
    try {
      const r = await pg.query<{ ms: number }>(`select setting::int as ms from pg_settings where name = 'statement_timeout'`);
      timeoutMs = r.rows[0].ms;
    } catch {
      // 25P02: the transaction is aborted; its ROLLBACK is followed by another read.
    }
  };

  port.on('message', async (req: EmbeddedRequest) => {
    let reply: EmbeddedReply;
    try {
      let result: EmbeddedResult | EmbeddedResult[] | null = null;
      if (req.kind === 'query') {
        const parsers = Object.fromEntries(req.textTypes.map((oid) => [oid, (value: string) => value]));
        result = strip(await pg.query(req.sql, req.params, { rowMode: req.rowMode, parsers, paramTypes: req.paramTypes }));
      } else if (req.kind === 'exec') {
        result = (await pg.exec(req.sql)).map(strip);
      } else {
        await pg.close();
      }
      reply = { kind: 'reply', id: req.id, timeoutMs, ok: true, result };
    } catch (err) {
      reply = { kind: 'reply', id: req.id, timeoutMs, ok: false, error: serializeError(err) };
    }
    // Only a statement that names the setting, or the end of a transaction that raised it, can change it.
    if (req.kind !== 'close' && (timeoutMs !== statementTimeoutMs || /statement_timeout/i.test(req.sql))) {
      await readTimeout();
      reply.timeoutMs = timeoutMs;
    }
    port.postMessage(reply);
  });
  // The first turn of the event loop after an open blocks this thread for a second or two
  // (measured 1.4-2.3 s on a busy machine: deferred start-up work or a collection; its cause
  // is not ours to fix). Take it here,
  // not in the first statement's watchdog time.
  await new Promise((resolve) => setImmediate(resolve));
  port.postMessage({ kind: 'ready', timeoutMs } satisfies EmbeddedReply);
}
