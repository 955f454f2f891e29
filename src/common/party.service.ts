import type { Context } from '../context.js';
import { buildConnection, type ConnectionResult } from './connection.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { pageRequest } from './paging.js';

export interface PartyListArgs {
  search?: string | null;
  first?: number | null;
  after?: string | null;
}

/** The contract leaves agent/customer page sizes open; the same bound as calls keeps one rule. */
export const PARTIES_MAX_FIRST = 100;

export type PartyConnection<T> = ConnectionResult<{ cursor: string; node: T }>;

/**
 * Agents and customers page the same way: by business id ascending, with a
 * keyset cursor. `fetch` and `count` are the domain's repository functions.
 */
export async function listParties<T>(
  ctx: Context,
  kind: 'agent' | 'customer',
  args: PartyListArgs,
  idOf: (row: T) => string,
  fetch: (query: { search: string | null; afterId: string | null; limit: number }) => Promise<T[]>,
  count: (search: string | null) => Promise<number>,
): Promise<PartyConnection<T>> {
  const page = pageRequest({ first: args.first, after: args.after }, { maxFirst: PARTIES_MAX_FIRST, maxOffset: 0 }, 50);
  const afterId = page.after ? String(decodeCursor(page.after, kind).value) : null;
  const search = args.search?.trim() || null;
  const rows = await fetch({ search, afterId, limit: page.first + 1 });
  const edges = rows.slice(0, page.first).map((node) => ({ cursor: encodeCursor({ kind, value: idOf(node), id: idOf(node) }), node }));
  return buildConnection(edges, { hasNextPage: rows.length > page.first, hasPreviousPage: afterId !== null }, () => count(search));
}
