import { badInput } from '../errors.js';

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

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.kind, cursor.value, cursor.id])).toString('base64url');
}

/** Decodes `after`; a cursor that is malformed or made for another order is BAD_USER_INPUT. */
export function decodeCursor(raw: string, expectedKind: string, argument = 'after'): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badInput(argument, `${argument} is not a cursor returned by this API`);
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    !(typeof parsed[1] === 'string' || (typeof parsed[1] === 'number' && Number.isFinite(parsed[1]))) ||
    typeof parsed[2] !== 'string'
  ) {
    throw badInput(argument, `${argument} is not a cursor returned by this API`);
  }
  if (parsed[0] !== expectedKind) {
    throw badInput(argument, `${argument} was made for order ${parsed[0]}, not ${expectedKind}; start again without it`);
  }
  return { kind: parsed[0], value: parsed[1], id: parsed[2] };
}
