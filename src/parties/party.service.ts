import { buildConnection, type ConnectionResult } from '../common/connection.js';
import { cursorValues, decodeCursor, encodeCursor } from '../common/cursor.js';
import { pageRequest } from '../common/paging.js';
import { unstorableTextProblem } from '../common/text.js';
import { badInput } from '../errors.js';
import type { Context } from '../context.js';
import { PARTIES, type PartyKind } from './party.kind.js';
import { countParties, findPartyPage, type PartyRecord } from './party.repository.js';

export interface PartyListArgs {
  search?: string | null;
  first?: number | null;
  after?: string | null;
}

/** The contract leaves agent/customer page sizes open; the same bound as calls keeps one rule. */
export const PARTIES_MAX_FIRST = 100;

export type PartyConnection<K extends PartyKind> = ConnectionResult<{ cursor: string; node: PartyRecord<K> }>;

/** The business id of a record: `agentId` or `customerId`. */
export function businessIdOf<K extends PartyKind>(kind: K, record: PartyRecord<K>): string {
  return (record as unknown as Record<string, string>)[PARTIES[kind].idField];
}

/** `agent(agentId)` / `customer(customerId)`: through the request's loader, so repeated reads cost nothing. */
export async function getParty<K extends PartyKind>(ctx: Context, kind: K, id: string): Promise<PartyRecord<K> | null> {
  // An id PostgreSQL could not even store (NUL) names no party.
  if (unstorableTextProblem(id) !== null) return null;
  const loader = kind === 'agent' ? ctx.loaders.agentsByAgentId : ctx.loaders.customersByCustomerId;
  return loader.load(id) as Promise<PartyRecord<K> | null>;
}

/** `agents` / `customers`: by business id ascending, with a keyset cursor; totalCount only when selected. */
export async function listParties<K extends PartyKind>(ctx: Context, kind: K, args: PartyListArgs): Promise<PartyConnection<K>> {
  const page = pageRequest({ first: args.first, after: args.after }, { maxFirst: PARTIES_MAX_FIRST, maxOffset: 0 }, 50);
  const afterId = page.after ? String(decodeCursor(page.after, kind, cursorValues.text).value) : null;
  const search = args.search?.trim() || null;
  const problem = search === null ? null : unstorableTextProblem(search);
  if (problem) throw badInput('search', `search ${problem}`);
  const rows = await findPartyPage(ctx.db, kind, { search, afterId, limit: page.first + 1 });
  const edges = rows.slice(0, page.first).map((node) => {
    const id = businessIdOf(kind, node);
    return { cursor: encodeCursor({ kind, value: id, id }), node };
  });
  return buildConnection(edges, { hasNextPage: rows.length > page.first, hasPreviousPage: afterId !== null }, () => countParties(ctx.db, kind, search));
}
