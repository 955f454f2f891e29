import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { EmbeddedReply, EmbeddedRequest, EmbeddedResult, EmbeddedWorkerData, SerializedError } from './pglite.worker.js';

/** The compiled worker beside this module; under vitest (running src/) the build output in dist/. */
function workerScriptPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (here.includes(`${path.sep}dist${path.sep}`)) return path.join(here, 'pglite.worker.js');
  const root = path.resolve(here, '../..'); // src/db -> the checkout
  return path.join(root, 'dist', path.relative(root, here), 'pglite.worker.js');
}

/** An error of the embedded database, with the SQLSTATE `code` db/errors.ts translates. */
export class EmbeddedDatabaseError extends Error {
  code?: string;
  severity?: string;
  detail?: string;
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
    Object.assign(this, fields);
  }
}

const fromWorker = ({ message, name: _name, ...fields }: SerializedError) => new EmbeddedDatabaseError(message, fields);

/** What PostgreSQL says when statement_timeout cancels a statement. */
const timedOut = (ms: number) =>
  new EmbeddedDatabaseError('canceling statement due to statement timeout', { code: '57014', severity: 'ERROR', detail: `ran for more than ${ms} ms` });

/** What PostgreSQL says to the statements of a transaction a failed statement aborted. */
const abortedTransaction = () =>
  new EmbeddedDatabaseError('current transaction is aborted, commands ignored until end of transaction block', {
    code: '25P02',
    severity: 'ERROR',
    detail: 'the embedded database was restarted (a statement timed out or it stopped); the transaction was rolled back',
  });

type Parsers = Record<number, (value: string, typeId: number) => unknown>;

interface QueryOptions {
  rowMode?: 'array' | 'object';
  parsers?: Parsers;
  paramTypes?: number[];
}

/** Runs promise-returning functions one after another. */
class Serial {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(fn, fn);
    this.#tail = next.catch(() => {});
    return next;
  }
}

interface InFlight {
  id: number;
  resolve: (result: EmbeddedResult | EmbeddedResult[] | null) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout | null;
}

export interface EmbeddedClientOptions {
  dataDir: string;
  /** Default statement_timeout in ms; statements that set a longer one for their transaction get it. */
  statementTimeoutMs: number;
  logger: Logger;
}

/**
 * The embedded database as drizzle-orm/pglite sees a PGlite instance (`query`,
 * `exec`, `transaction`), with PGlite itself on a worker thread (pglite.worker.ts).
 *
 * Like PGlite, it is one connection: a transaction holds it, other callers
 * wait. Statements go to the worker one at a time, each under a watchdog of
 * the statement_timeout in force (the session's, or the one a transaction set
 * with set_config(..., true), as ingestion does). A statement that overruns it
 * fails with PostgreSQL's 57014; PGlite cannot be interrupted, so the worker
 * is terminated and PGlite reopened on the same folder. Its open transaction
 * is lost as in a crash (WAL recovery keeps everything committed); its later
 * statements fail with 25P02, and callers that were waiting simply run on the
 * new worker.
 */
export class EmbeddedClient {
  readonly #options: EmbeddedClientOptions;
  readonly #script = workerScriptPath();
  readonly #sessions = new Serial();
  readonly #statements = new Serial();
  #worker: Worker | null = null;
  #ready: Promise<Worker> | null = null;
  #inFlight: InFlight | null = null;
  #timeoutMs: number;
  /** Bumped at every restart: a transaction begun under another generation is gone. */
  #generation = 0;
  #nextId = 1;
  #closing: Promise<void> | null = null;

  private constructor(options: EmbeddedClientOptions) {
    this.#options = options;
    this.#timeoutMs = options.statementTimeoutMs;
  }

  /** Starts the worker and opens PGlite; rejects when the folder cannot be opened. */
  static async open(options: EmbeddedClientOptions): Promise<EmbeddedClient> {
    const client = new EmbeddedClient(options);
    await client.#live();
    return client;
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<EmbeddedResult & { rows: T[] }> {
    return this.#sessions.run(() => this.#query(sql, params, options, null)) as Promise<EmbeddedResult & { rows: T[] }>;
  }

  exec(sql: string): Promise<EmbeddedResult[]> {
    return this.#sessions.run(() => this.#send({ id: 0, kind: 'exec', sql }, null)) as Promise<EmbeddedResult[]>;
  }

  transaction<T>(fn: (tx: EmbeddedTransaction) => Promise<T>): Promise<T> {
    return this.#sessions.run(async () => {
      await this.#send({ id: 0, kind: 'exec', sql: 'begin' }, null);
      const tx = new EmbeddedTransaction(this, this.#generation);
      try {
        const result = await fn(tx);
        await tx.end('commit');
        return result;
      } catch (err) {
        await tx.end('rollback').catch(() => {});
        throw err;
      }
    });
  }

  /** Waits for the callers before it, closes PGlite (a checkpoint) and ends the worker. */
  close(): Promise<void> {
    this.#closing ??= this.#sessions.run(async () => {
      const worker = await this.#ready?.catch(() => null);
      if (!worker) return;
      try {
        await this.#statements.run(() => this.#post(worker, { id: this.#nextId++, kind: 'close' }, 0));
      } finally {
        this.#worker = null;
        await worker.terminate();
      }
    });
    return this.#closing;
  }

  /** @internal A statement of the transaction begun under `generation` (EmbeddedTransaction). */
  _send(request: EmbeddedRequest, generation: number): Promise<EmbeddedResult | EmbeddedResult[] | null> {
    return this.#send(request, generation);
  }

  async #query(sql: string, params: unknown[], options: QueryOptions, generation: number | null): Promise<EmbeddedResult> {
    const request = queryRequest(sql, params, options);
    return applyParsers((await this.#send(request, generation)) as EmbeddedResult, options.parsers, request);
  }

  /** Sends one statement when the ones before it are done; `generation` names the transaction it belongs to. */
  #send(request: EmbeddedRequest, generation: number | null): Promise<EmbeddedResult | EmbeddedResult[] | null> {
    return this.#statements.run(async () => {
      if (this.#closing && request.kind !== 'close') throw new EmbeddedDatabaseError('the embedded database is closed', { code: '57P01' });
      if (generation !== null && generation !== this.#generation) throw abortedTransaction();
      const worker = await this.#live();
      if (generation !== null && generation !== this.#generation) throw abortedTransaction();
      return this.#post(worker, { ...request, id: this.#nextId++ }, this.#timeoutMs);
    });
  }

  #post(worker: Worker, request: EmbeddedRequest, timeoutMs: number): Promise<EmbeddedResult | EmbeddedResult[] | null> {
    return new Promise((resolve, reject) => {
      const inFlight: InFlight = { id: request.id, resolve, reject, timer: null };
      if (timeoutMs > 0) {
        inFlight.timer = setTimeout(() => {
          if (this.#inFlight !== inFlight) return;
          this.#inFlight = null;
          reject(timedOut(timeoutMs));
          this.#restart(worker, { reason: 'statement timeout', timeoutMs });
        }, timeoutMs);
      }
      this.#inFlight = inFlight;
      worker.ref(); // a statement in flight keeps the process alive; an idle worker does not
      worker.postMessage(request);
    });
  }

  #onReply(worker: Worker, reply: EmbeddedReply): void {
    const inFlight = this.#inFlight;
    if (reply.kind !== 'reply' || worker !== this.#worker || !inFlight || inFlight.id !== reply.id) return;
    this.#inFlight = null;
    if (inFlight.timer) clearTimeout(inFlight.timer);
    worker.unref();
    this.#timeoutMs = reply.timeoutMs;
    if (reply.ok) inFlight.resolve(reply.result);
    else inFlight.reject(fromWorker(reply.error));
  }

  /** The running worker, starting one (again) if needed. */
  #live(): Promise<Worker> {
    if (!this.#ready) {
      const ready = this.#spawn();
      this.#ready = ready;
      // A failed open is reported to the waiting callers; the next one tries again.
      ready.catch(() => {
        if (this.#ready === ready) this.#ready = null;
      });
    }
    return this.#ready.catch((err: Error) => {
      throw new EmbeddedDatabaseError(`the embedded database could not be opened: ${err.message}`, { code: '57P03', cause: err });
    });
  }

  #spawn(): Promise<Worker> {
    if (!existsSync(this.#script)) {
      return Promise.reject(new Error(`the database worker ${this.#script} does not exist; run \`npm run build\``));
    }
    const data: EmbeddedWorkerData = { dataDir: this.#options.dataDir, statementTimeoutMs: this.#options.statementTimeoutMs };
    const worker = new Worker(this.#script, { workerData: data });
    return new Promise<Worker>((resolve, reject) => {
      let started = false;
      worker.on('message', (reply: EmbeddedReply) => {
        if (reply.kind === 'ready') {
          started = true;
          this.#worker = worker;
          this.#timeoutMs = reply.timeoutMs;
          worker.unref();
          resolve(worker);
        } else this.#onReply(worker, reply);
      });
      const fail = (err: Error) => {
        if (!started) reject(err);
        else if (worker === this.#worker) this.#crashed(worker, err);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`the database worker exited with code ${code}`)));
    });
  }

  #crashed(worker: Worker, err: Error): void {
    const inFlight = this.#inFlight;
    this.#inFlight = null;
    if (inFlight?.timer) clearTimeout(inFlight.timer);
    inFlight?.reject(new EmbeddedDatabaseError(`the embedded database stopped: ${err.message}`, { code: '57P02', cause: err }));
    this.#restart(worker, { reason: 'worker stopped', err: err.message });
  }

  /** Ends the worker and reopens PGlite on the same folder, only once the old one has stopped writing it. */
  #restart(worker: Worker, why: Record<string, unknown>): void {
    this.#generation += 1;
    this.#worker = null;
    this.#options.logger.warn({ ...why, dataDir: this.#options.dataDir }, 'restarting the embedded database');
    const ready = worker.terminate().then(() => this.#spawn());
    this.#ready = ready;
    ready.then(
      () => this.#options.logger.info('embedded database reopened'),
      (err: Error) => {
        if (this.#ready === ready) this.#ready = null;
        this.#options.logger.error({ err: err.message }, 'the embedded database could not be reopened');
      },
    );
  }
}

/** The `tx` a transaction callback gets, as drizzle-orm/pglite uses PGlite's. */
export class EmbeddedTransaction {
  #closed = false;
  constructor(
    private readonly client: EmbeddedClient,
    private readonly generation: number,
  ) {}

  get closed(): boolean {
    return this.#closed;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<EmbeddedResult & { rows: T[] }> {
    this.#check();
    const request = queryRequest(sql, params, options);
    const result = (await this.client._send(request, this.generation)) as EmbeddedResult;
    return applyParsers(result, options.parsers, request) as EmbeddedResult & { rows: T[] };
  }

  async exec(sql: string): Promise<EmbeddedResult[]> {
    this.#check();
    return (await this.client._send({ id: 0, kind: 'exec', sql }, this.generation)) as EmbeddedResult[];
  }

  async rollback(): Promise<void> {
    await this.end('rollback');
  }

  /** @internal COMMIT or ROLLBACK once; a ROLLBACK after a restart has nothing left to undo. */
  async end(kind: 'commit' | 'rollback'): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.client._send({ id: 0, kind: 'exec', sql: kind }, this.generation);
    } catch (err) {
      if (kind === 'commit' || (err as { code?: string }).code !== '25P02') throw err;
    }
  }

  #check(): void {
    if (this.#closed) throw new Error('the transaction is already closed');
  }
}

function queryRequest(sql: string, params: unknown[], options: QueryOptions): EmbeddedRequest {
  if (Object.keys(options).some((key) => !['rowMode', 'parsers', 'paramTypes'].includes(key))) {
    throw new Error(`the embedded database supports only rowMode, parsers and paramTypes as query options`);
  }
  return {
    id: 0,
    kind: 'query',
    sql,
    params,
    rowMode: options.rowMode ?? 'object',
    textTypes: options.parsers ? Object.keys(options.parsers).map(Number) : [],
    paramTypes: options.paramTypes,
  };
}

/** Applies the caller's parsers (functions cannot cross threads) to the columns the worker left as text. */
function applyParsers(result: EmbeddedResult, parsers: Parsers | undefined, request: EmbeddedRequest): EmbeddedResult {
  if (!parsers) return result;
  const rowMode = request.kind === 'query' ? request.rowMode : 'object';
  const columns = result.fields.flatMap((f, i) => (parsers[f.dataTypeID] ? [{ key: rowMode === 'array' ? i : f.name, oid: f.dataTypeID }] : []));
  if (columns.length === 0) return result;
  for (const row of result.rows as Record<string | number, unknown>[]) {
    for (const { key, oid } of columns) {
      const value = row[key];
      if (typeof value === 'string') row[key] = parsers[oid](value, oid);
    }
  }
  return result;
}
