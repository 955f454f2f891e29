import { buildConnection, type ConnectionResult } from '../common/connection.js';
import { type Cursor, decodeCursor, encodeCursor } from '../common/cursor.js';
import { pageRequest } from '../common/paging.js';
import { unstorableTextProblem } from '../common/text.js';
import { timeRange } from '../common/time-range.js';
import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import type { PartyKind } from '../parties/party.kind.js';
import type { CallStatsRecord } from './call-stats.repository.js';
import { type CallFilterInput, normalizeCallFilter } from './call.filter.js';
import { CALL_ORDERS, CallOrder, CURSOR_VALUE_OF } from './call.order.js';
import type { CallRecord, CallWithPeople } from './call.projection.js';
import { type CallDetail, countCalls, findCallPage, NO_DETAIL, type PageQuery } from './call.repository.js';

/** The contract's bound on `first` for call lists. */
export const CALLS_MAX_FIRST = 100;

export type CallConnectionResult = ConnectionResult<{ cursor: string; node: CallRecord }>;

/** The arguments of every call list (CallsArgs, without type-graphql). */
export interface CallListArgs {
  filter?: CallFilterInput | null;
  orderBy?: CallOrder | null;
  first?: number | null;
  after?: string | null;
  offset?: number | null;
}

/** Validated list arguments, and a key that identifies them (for batching siblings). */
interface PreparedList {
  query: PageQuery;
  first: number;
  hasPrevious: boolean;
  argsKey: string;
}

function prepareList(ctx: Context, args: CallListArgs): PreparedList {
  const order = args.orderBy ?? CallOrder.START_TIME_DESC;
  if (!CALL_ORDERS[order]) throw badInput('orderBy', `unknown order ${String(order)}`);
  const page = pageRequest(args, { maxFirst: CALLS_MAX_FIRST, maxOffset: ctx.config.PAGING_MAX_OFFSET }, 50);
  const after: Cursor | null = page.after ? decodeCursor(page.after, order, CURSOR_VALUE_OF[CALL_ORDERS[order].key]) : null;
  const filter = normalizeCallFilter(args.filter);
  return {
    query: { filter, order, limit: page.first + 1, offset: page.offset, after: after ? { value: after.value, id: after.id } : null },
    first: page.first,
    hasPrevious: page.after !== null || page.offset > 0,
    argsKey: JSON.stringify([args.filter ?? null, order, page.first, page.after, page.offset]),
  };
}

/** Agents and customers arrive joined with their calls: later `Call.agent` reads hit the loader cache. */
export function primePeople(ctx: Context, rows: readonly CallWithPeople[]): void {
  for (const row of rows) {
    ctx.loaders.agentsByAgentId.prime(row.agent.agentId, row.agent);
    ctx.loaders.customersByCustomerId.prime(row.customer.customerId, row.customer);
    ctx.loaders.callsByCallId.prime({ callId: row.call.callId, detail: NO_DETAIL }, row);
  }
}

/** An edge whose cursor is encoded only if a client selects it (most lists ask for nodes only). */
class CallEdge {
  constructor(
    readonly node: CallRecord,
    private readonly kind: CallOrder,
    private readonly sortKey: string | number,
  ) {}

  get cursor(): string {
    return encodeCursor({ kind: this.kind, value: this.sortKey, id: this.node.callId });
  }
}

function toConnection(ctx: Context, list: PreparedList, rows: CallWithPeople[], count: () => Promise<number>): CallConnectionResult {
  primePeople(ctx, rows);
  const kind = list.query.order;
  const edges = rows.slice(0, list.first).map((row) => new CallEdge(row.call, kind, row.sortKey));
  return buildConnection(edges, { hasNextPage: rows.length > list.first, hasPreviousPage: list.hasPrevious }, count);
}

/** Query.calls: one statement for the page (with agents and customers), one more for totalCount if asked. */
export async function listCalls(ctx: Context, args: CallListArgs): Promise<CallConnectionResult> {
  const list = prepareList(ctx, args);
  const rows = await findCallPage(ctx.db, list.query);
  return toConnection(ctx, list, rows, () => countCalls(ctx.db, list.query.filter));
}

/** Agent.calls / Customer.calls: siblings with the same arguments share one statement through the loaders. */
export async function listCallsOfParty(ctx: Context, kind: PartyKind, partyId: string, args: CallListArgs): Promise<CallConnectionResult> {
  const list = prepareList(ctx, args);
  const agent = kind === 'agent';
  const pages = agent ? ctx.loaders.callPagesByAgent : ctx.loaders.callPagesByCustomer;
  const counts = agent ? ctx.loaders.callCountsByAgent : ctx.loaders.callCountsByCustomer;
  const rows = await pages.load({ parentId: partyId, argsKey: list.argsKey, query: list.query });
  const countKey = JSON.stringify([args.filter ?? null]);
  return toConnection(ctx, list, rows, () => counts.load({ parentId: partyId, argsKey: countKey, filter: list.query.filter }));
}

/** Agent.stats / Customer.stats over [from, to): siblings with the same range share one statement. */
export function getCallStatsOfParty(ctx: Context, kind: PartyKind, partyId: string, from: Date | null, to: Date | null): Promise<CallStatsRecord> {
  const loader = kind === 'agent' ? ctx.loaders.callStatsByAgent : ctx.loaders.callStatsByCustomer;
  return loader.load({ parentId: partyId, ...timeRange(from, to) });
}

/**
 * Query.call: the call with its agent and customer, and the heavy columns the
 * client selected (insights and nudges, transcript, utterances) in the same
 * statement; one statement in all for a call's detail page.
 */
export async function getCall(ctx: Context, callId: string, detail: CallDetail = NO_DETAIL): Promise<CallRecord | null> {
  // An id PostgreSQL could not even store (NUL) names no call.
  if (unstorableTextProblem(callId) !== null) return null;
  return (await ctx.loaders.callsByCallId.load({ callId, detail }))?.call ?? null;
}
