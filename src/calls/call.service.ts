import type { Context } from '../context.js';
import { buildConnection, type ConnectionResult } from '../common/connection.js';
import { type Cursor, decodeCursor, encodeCursor } from '../common/cursor.js';
import { pageRequest } from '../common/paging.js';
import type { CallsArgs } from './call.input.js';
import { CallOrder } from './call.input.js';
import { callFilterSql, orderSpec } from './call.query.js';
import { type CallRecord, type CallWithPeople, countCalls, findCallPage, type PageQuery } from './call.repository.js';
import type { ParentColumn } from './call.loaders.js';

/** The contract's bound on `first` for call lists. */
export const CALLS_MAX_FIRST = 100;

export type CallConnectionResult = ConnectionResult<{ cursor: string; node: CallRecord }>;

/** Validated list arguments: the SQL pieces and a key that identifies them (for batching siblings). */
interface PreparedList {
  query: PageQuery;
  first: number;
  hasPrevious: boolean;
  order: CallOrder;
  argsKey: string;
}

function prepareList(ctx: Context, args: CallsArgs): PreparedList {
  const order = args.orderBy ?? CallOrder.START_TIME_DESC;
  const spec = orderSpec(order);
  const page = pageRequest(args, { maxFirst: CALLS_MAX_FIRST, maxOffset: ctx.config.PAGING_MAX_OFFSET }, 50);
  const after: Cursor | null = page.after ? decodeCursor(page.after, order) : null;
  return {
    query: {
      where: callFilterSql(args.filter),
      order: spec,
      limit: page.first + 1,
      offset: page.offset,
      after: after ? { value: after.value, id: after.id } : null,
    },
    first: page.first,
    hasPrevious: page.after !== null || page.offset > 0,
    order,
    argsKey: JSON.stringify([args.filter ?? null, order, page.first, page.after, page.offset]),
  };
}

/** Agents and customers arrive joined with their calls: later `Call.agent` reads hit the loader cache. */
export function primePeople(ctx: Context, rows: readonly CallWithPeople[]): void {
  for (const row of rows) {
    ctx.loaders.agentsByAgentId.prime(row.agent.agentId, row.agent);
    ctx.loaders.customersByCustomerId.prime(row.customer.customerId, row.customer);
    ctx.loaders.callsByCallId.prime(row.call.callId, row);
  }
}

function toConnection(ctx: Context, list: PreparedList, rows: CallWithPeople[], count: () => Promise<number>): CallConnectionResult {
  primePeople(ctx, rows);
  const edges = rows.slice(0, list.first).map((row) => ({ cursor: encodeCursor({ kind: list.order, value: row.sortKey, id: row.call.callId }), node: row.call }));
  return buildConnection(edges, { hasNextPage: rows.length > list.first, hasPreviousPage: list.hasPrevious }, count);
}

/** Query.calls: one statement for the page (with agents and customers), one more for totalCount if asked. */
export async function listCalls(ctx: Context, args: CallsArgs): Promise<CallConnectionResult> {
  const list = prepareList(ctx, args);
  const rows = await findCallPage(ctx.db, list.query);
  return toConnection(ctx, list, rows, () => countCalls(ctx.db, list.query.where));
}

/** Agent.calls / Customer.calls: siblings with the same arguments share one statement through the loaders. */
export async function listCallsOfParent(ctx: Context, column: ParentColumn, parentId: string, args: CallsArgs): Promise<CallConnectionResult> {
  const list = prepareList(ctx, args);
  const agent = column === 'agent_id';
  const pages = agent ? ctx.loaders.callPagesByAgent : ctx.loaders.callPagesByCustomer;
  const counts = agent ? ctx.loaders.callCountsByAgent : ctx.loaders.callCountsByCustomer;
  const rows = await pages.load({ parentId, argsKey: list.argsKey, query: list.query });
  const countKey = JSON.stringify([args.filter ?? null]);
  return toConnection(ctx, list, rows, () => counts.load({ parentId, argsKey: countKey, where: list.query.where }));
}

export async function getCall(ctx: Context, callId: string): Promise<CallRecord | null> {
  return (await ctx.loaders.callsByCallId.load(callId))?.call ?? null;
}
