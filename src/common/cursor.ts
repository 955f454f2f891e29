import { badInput } from '../errors.js';
import { checkIsoDateTime } from './date-time.js';
import { unstorableTextProblem } from './text.js';

/**
 * Opaque keyset cursors: base64url of `[kind, sortValue, tieBreakId]`.
 * `kind` names the order the cursor was made for, so a cursor from one order
 * is rejected by another instead of silently skipping rows.
 */
export type CursorValue = string | number;

export interface Cursor {
  kind: string;
  value: CursorValue;
  id: string;
}

/** Longest tie-break id a cursor may carry (business ids have at most 50 characters). */
const MAX_CURSOR_ID_CHARS = 200;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.kind, cursor.value, cursor.id])).toString('base64url');
}

/**
 * Decodes `after`. A cursor that is malformed, made for another order, or
 * whose sort value `accepts` refuses (a forged one: a word where a number
 * belongs, a number beyond the column's range) is BAD_USER_INPUT: it must
 * never reach SQL, where it would fail or silently restart the list.
 */
export function decodeCursor(raw: string, expectedKind: string, accepts: (value: CursorValue) => boolean, argument = 'after'): Cursor {
  const invalid = () => badInput(argument, `${argument} is not a cursor returned by this API`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    !(typeof parsed[1] === 'string' || (typeof parsed[1] === 'number' && Number.isFinite(parsed[1]))) ||
    typeof parsed[2] !== 'string'
  ) {
    throw invalid();
  }
  const [kind, value, id] = parsed as [string, CursorValue, string];
  if (kind !== expectedKind) {
    throw badInput(argument, `${argument} was made for order ${kind.slice(0, 60)}, not ${expectedKind}; start again without it`);
  }
  if (id.length > MAX_CURSOR_ID_CHARS || unstorableTextProblem(id) !== null || !accepts(value)) throw invalid();
  return { kind, value, id };
}

/** Cursor values by the type of the sort column they stand for. */
export const cursorValues = {
  /** Text PostgreSQL can take (a business id). */
  text: (v: CursorValue): boolean => typeof v === 'string' && v.length <= MAX_CURSOR_ID_CHARS && unstorableTextProblem(v) === null,
  /** A finite float8. */
  float8: (v: CursorValue): boolean => typeof v === 'number' && Number.isFinite(v),
  /** An int4. */
  int4: (v: CursorValue): boolean => typeof v === 'number' && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31,
  /** A timestamp as the cursors write it: UTC with microseconds, years 1 to 9999. */
  timestamp: (v: CursorValue): boolean => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(v) && checkIsoDateTime(v).ok,
};
