import { AppError } from '../errors.js';

/**
 * The one translation of database errors. Drivers and drizzle wrap each
 * other (drizzle's DrizzleQueryError has the driver's error as `cause`), so
 * every function here looks through the whole `cause` chain.
 */

/** postgres.js / Node network error codes that mean "the database could not be reached". */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/** Why the database cannot serve right now; every one of them is worth a retry later. */
export type UnavailableReason = 'unreachable' | 'timeout' | 'resources';

/**
 * SQLSTATEs that say "not now" rather than "this statement is wrong":
 * class 08 (connection), admin/crash shutdown (57P01-03), a cancelled
 * statement (57014: statement_timeout), and class 53 (insufficient
 * resources: disk full, out of memory, too many connections).
 */
function reasonOfCode(code: string): UnavailableReason | null {
  if (CONNECTION_CODES.has(code) || /^08...$|^57P0[1-3]$/.test(code)) return 'unreachable';
  if (code === '57014') return 'timeout';
  if (/^53...$/.test(code)) return 'resources';
  return null;
}

const MESSAGES: Record<UnavailableReason, string> = {
  unreachable: 'the database is unavailable',
  timeout: 'the database did not answer in time (statement timeout)',
  resources: 'the database is out of resources (disk, memory or connections)',
};

/** The errors of a cause chain, and the members of an AggregateError (a failed connect to several addresses). */
function* chain(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  for (let e = error; e && typeof e === 'object' && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    yield e as Record<string, unknown>;
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) for (const inner of errors) yield* chain(inner, depth + 1);
  }
}

/** The first SQLSTATE or driver code in the chain, if any. */
export function databaseErrorCode(error: unknown): string | undefined {
  for (const e of chain(error)) if (typeof e.code === 'string') return e.code;
  return undefined;
}

/** Why the database is unavailable, or null when the error is about the statement itself. */
export function unavailableReason(error: unknown): UnavailableReason | null {
  for (const e of chain(error)) {
    const reason = typeof e.code === 'string' ? reasonOfCode(e.code) : null;
    if (reason) return reason;
  }
  return null;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return unavailableReason(error) !== null;
}

/**
 * An AppError for an unavailable database (SERVICE_UNAVAILABLE, with
 * `consequence` appended to the message, e.g. "nothing of this batch was
 * written"); any other error is returned as it is (formatError turns it into
 * INTERNAL_SERVER_ERROR with an errorId).
 */
export function translateDatabaseError(error: unknown, consequence?: string): unknown {
  if (error instanceof AppError) return error;
  const reason = unavailableReason(error);
  if (reason === null) return error;
  const code = databaseErrorCode(error);
  return new AppError('SERVICE_UNAVAILABLE', `${MESSAGES[reason]}${code ? ` (${code})` : ''}${consequence ? `; ${consequence}` : ''}`, {
    cause: error,
  });
}

/** Longest statement text kept in a log line. */
const MAX_QUERY_CHARS = 300;

/**
 * An error as it may be logged: type, message, code and the cause chain, but
 * never statement parameters (drizzle puts every parameter into its message,
 * PGlite attaches them as `params`: for an ingestion batch that is every
 * transcript of the statement, i.e. customer data and megabytes of log).
 */
export function loggableError(error: unknown, depth = 0): Record<string, unknown> | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return error === undefined ? undefined : { message: String(error) };
  const e = error as Error & Record<string, unknown>;
  const statement = typeof e.query === 'string' ? e.query : undefined;
  const isQueryWrapper = statement !== undefined && ('params' in e || 'parameters' in e) && e.message.startsWith('Failed query');
  const causeMessage = (e.cause as { message?: unknown } | undefined)?.message;
  const out: Record<string, unknown> = {
    type: e.constructor?.name ?? 'Error',
    message: isQueryWrapper ? `Failed query${typeof causeMessage === 'string' ? `: ${causeMessage}` : ''}` : e.message,
  };
  for (const key of ['code', 'severity', 'detail', 'hint', 'constraint_name', 'constraint', 'table_name', 'column_name'] as const) {
    if (typeof e[key] === 'string') out[key] = e[key];
  }
  if (statement !== undefined) out.query = statement.length > MAX_QUERY_CHARS ? `${statement.slice(0, MAX_QUERY_CHARS)}…` : statement;
  if (!isQueryWrapper && typeof e.stack === 'string') out.stack = e.stack;
  if (e.cause !== undefined) out.cause = loggableError(e.cause, depth + 1);
  return out;
}

/** A one-line description for a command-line user: the innermost driver message and its code, without parameters. */
export function describeError(error: unknown): string {
  const translated = translateDatabaseError(error);
  if (translated instanceof AppError) return translated.message;
  let message = error instanceof Error ? error.message : String(error);
  for (const e of chain(error)) {
    const wrapper = typeof e.query === 'string' && typeof e.message === 'string' && e.message.startsWith('Failed query');
    if (!wrapper && typeof e.message === 'string') message = e.message;
  }
  const code = databaseErrorCode(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/**
 * Whether the database refused the data itself: SQLSTATE class 22 (data
 * exception: out of range, bad encoding) or 23 (integrity: a check or
 * foreign key). Retrying the same rows cannot help; the rows must change.
 */
export function isDataRefused(error: unknown): boolean {
  const code = databaseErrorCode(error);
  return code !== undefined && /^2[23]...$/.test(code);
}
