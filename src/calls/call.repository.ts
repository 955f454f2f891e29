import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client.js';
import type { StoredInsights, StoredNudge, StoredUtterance } from '../db/schema/index.js';
import { textArray } from '../db/sql.js';
import { PARTIES, type PartyKind } from '../parties/party.kind.js';
import type { NormalizedCallFilter } from './call.filter.js';
import { CALL_ORDERS, type CallOrder, type CallSortKey } from './call.order.js';
import { CALL_ANALYSIS_COLUMNS, CALL_INNER_COLUMNS, CALL_WITH_PEOPLE_COLUMNS, type CallWithPeople, type CallWithPeopleRow, PEOPLE_JOIN, toCallWithPeople } from './call.projection.js';

export interface CallAnalysisRecord {
  callId: string;
  insights: StoredInsights;
  coachingNudges: StoredNudge[];
}

/** A validated filter as one parameterised predicate over `calls c`, or undefined when it filters nothing. */
export function callFilterSql(filter: NormalizedCallFilter | null): SQL | undefined {
  if (!filter) return undefined;
  const parts: SQL[] = [];
  if (filter.agentId != null) parts.push(sql`c.agent_id = ${filter.agentId}`);
  if (filter.agentIds != null) parts.push(filter.agentIds.length === 0 ? sql`false` : sql`c.agent_id = any(${textArray(filter.agentIds)})`);
  if (filter.customerId != null) parts.push(sql`c.customer_id = ${filter.customerId}`);
  if (filter.language != null) parts.push(sql`c.language = ${filter.language}`);
  if (filter.from != null) parts.push(sql`c.start_time >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to != null) parts.push(sql`c.start_time < ${filter.to.toISOString()}::timestamptz`);
  pushRange(parts, sql`c.customer_sentiment_score`, filter.minSentiment, filter.maxSentiment);
  pushRange(parts, sql`c.duration_seconds`, filter.minDurationSeconds, filter.maxDurationSeconds);
  pushRange(parts, sql`c.agent_talk_ratio`, filter.minTalkRatio, filter.maxTalkRatio);
  return parts.length ? sql.join(parts, sql` and `) : undefined;
}

function pushRange(parts: SQL[], column: SQL, min: number | null | undefined, max: number | null | undefined): void {
  if (min != null) parts.push(sql`${column} >= ${min}`);
  if (max != null) parts.push(sql`${column} <= ${max}`);
}

interface SortSql {
  /** Sort column over `calls c`. */
  column: SQL;
  /** The cursor's sort value, selected as `sort_key`, exact enough to compare back. */
  sortKey: SQL;
  /** Turns a cursor value back into a SQL value of the column's type. */
  cursorValue: (value: string | number) => SQL;
}

// Timestamps travel in cursors as UTC text with microseconds: a JS Date would drop them.
const SORTS: Record<CallSortKey, SortSql> = {
  start_time: {
    column: sql`c.start_time`,
    sortKey: sql`to_char(c.start_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    cursorValue: (v) => sql`${String(v)}::timestamptz`,
  },
  sentiment: { column: sql`c.customer_sentiment_score`, sortKey: sql`c.customer_sentiment_score`, cursorValue: (v) => sql`${Number(v)}::float8` },
  duration: { column: sql`c.duration_seconds`, sortKey: sql`c.duration_seconds`, cursorValue: (v) => sql`${Math.trunc(Number(v))}::int` },
};

/** One page of a call list, validated by the service. */
export interface PageQuery {
  filter: NormalizedCallFilter | null;
  order: CallOrder;
  /** Rows to fetch (the page size plus one, to learn whether there is a next page). */
  limit: number;
  offset: number;
  after: { value: string | number; id: string } | null;
}

/** Rows strictly after the cursor in the order: a row comparison the (column, call_id) indexes serve. */
function keysetSql(order: CallOrder, value: string | number, id: string): SQL {
  const { key, descending } = CALL_ORDERS[order];
  const sort = SORTS[key];
  return descending ? sql`(${sort.column}, c.call_id) < (${sort.cursorValue(value)}, ${id})` : sql`(${sort.column}, c.call_id) > (${sort.cursorValue(value)}, ${id})`;
}

function pageWhere(query: PageQuery, extra?: SQL): SQL {
  const parts = [extra, callFilterSql(query.filter), query.after ? keysetSql(query.order, query.after.value, query.after.id) : undefined];
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length ? sql`where ${sql.join(present, sql` and `)}` : sql``;
}

function orderSql(order: CallOrder, column: SQL, idColumn: SQL): SQL {
  const dir = sql.raw(CALL_ORDERS[order].descending ? 'desc' : 'asc');
  return sql`${column} ${dir}, ${idColumn} ${dir}`;
}

/** The inner query of a page: cut first (an index range scan for the common orders), joined after. */
function innerPage(query: PageQuery, extra?: SQL): SQL {
  const sort = SORTS[CALL_ORDERS[query.order].key];
  return sql`select ${CALL_INNER_COLUMNS}, ${sort.sortKey} as sort_key, ${sort.column} as sort_value
          from calls c ${pageWhere(query, extra)}
          order by ${orderSql(query.order, sort.column, sql`c.call_id`)}
          limit ${query.limit} offset ${query.offset}`;
}

/** Which of a call's heavy columns a single-call read carries (the rest load on demand, if selected). */
export interface CallDetail {
  analysis: boolean;
  transcript: boolean;
  utterances: boolean;
}

export const NO_DETAIL: CallDetail = { analysis: false, transcript: false, utterances: false };

export async function findCallsByCallIds(db: Database, callIds: readonly string[], detail: CallDetail = NO_DETAIL): Promise<CallWithPeople[]> {
  if (callIds.length === 0) return [];
  const extra = [detail.analysis ? CALL_ANALYSIS_COLUMNS : undefined, detail.transcript ? sql`c.transcript` : undefined, detail.utterances ? sql`c.utterances` : undefined].filter(
    (part): part is SQL => part !== undefined,
  );
  const rows = await queryRows<CallWithPeopleRow>(
    db,
    sql`select ${CALL_WITH_PEOPLE_COLUMNS}${extra.length ? sql`, ${sql.join(extra, sql`, `)}` : sql``}
        from calls c ${PEOPLE_JOIN} where c.call_id = any(${textArray(callIds)})`,
  );
  return rows.map(toCallWithPeople);
}

/** One page of calls with their agent and customer, in one statement. */
export async function findCallPage(db: Database, query: PageQuery): Promise<CallWithPeople[]> {
  const rows = await queryRows<CallWithPeopleRow>(
    db,
    sql`select ${CALL_WITH_PEOPLE_COLUMNS}, c.sort_key from (${innerPage(query)}) c ${PEOPLE_JOIN}
        order by ${orderSql(query.order, sql`c.sort_value`, sql`c.call_id`)}`,
  );
  return rows.map(toCallWithPeople);
}

/**
 * The same page for many agents or customers at once (Agent.calls,
 * Customer.calls): one LATERAL subquery per parent id, all in one statement.
 */
export async function findCallPagesByParent(
  db: Database,
  parent: PartyKind,
  parentIds: readonly string[],
  query: PageQuery,
): Promise<Map<string, CallWithPeople[]>> {
  const byParent = new Map<string, CallWithPeople[]>(parentIds.map((id) => [id, []]));
  if (parentIds.length === 0) return byParent;
  const parentMatch = sql`c.${sql.raw(PARTIES[parent].idColumn)} = parent.id`;
  const rows = await queryRows<CallWithPeopleRow>(
    db,
    sql`select ${CALL_WITH_PEOPLE_COLUMNS}, c.sort_key, parent.id as parent_id
        from unnest(${textArray(parentIds)}) as parent(id)
        cross join lateral (${innerPage(query, parentMatch)}) c ${PEOPLE_JOIN}
        order by parent.id, ${orderSql(query.order, sql`c.sort_value`, sql`c.call_id`)}`,
  );
  for (const row of rows) byParent.get(row.parent_id!)?.push(toCallWithPeople(row));
  return byParent;
}

export async function countCalls(db: Database, filter: NormalizedCallFilter | null): Promise<number> {
  const where = callFilterSql(filter);
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from calls c ${where ? sql`where ${where}` : sql``}`);
  return row?.n ?? 0;
}

/** Counts per parent id, in one statement; parents without calls get 0. */
export async function countCallsByParent(
  db: Database,
  parent: PartyKind,
  parentIds: readonly string[],
  filter: NormalizedCallFilter | null,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(parentIds.map((id) => [id, 0]));
  if (parentIds.length === 0) return counts;
  const column = sql.raw(`c.${PARTIES[parent].idColumn}`);
  const where = callFilterSql(filter);
  const rows = await queryRows<{ parent_id: string; n: number }>(
    db,
    sql`select ${column} as parent_id, count(*)::int as n from calls c
        where ${column} = any(${textArray(parentIds)}) ${where ? sql`and ${where}` : sql``}
        group by ${column}`,
  );
  for (const row of rows) counts.set(row.parent_id, row.n);
  return counts;
}

/** The insights and nudges of calls that a list returned without them. */
export async function findCallAnalyses(db: Database, callIds: readonly string[]): Promise<CallAnalysisRecord[]> {
  if (callIds.length === 0) return [];
  const rows = await queryRows<{ call_id: string; insights: StoredInsights; coaching_nudges: StoredNudge[] }>(
    db,
    sql`select c.call_id, ${CALL_ANALYSIS_COLUMNS} from calls c where c.call_id = any(${textArray(callIds)})`,
  );
  return rows.map((r) => ({ callId: r.call_id, insights: r.insights, coachingNudges: r.coaching_nudges }));
}

export async function findCallTranscripts(db: Database, callIds: readonly string[]): Promise<{ callId: string; transcript: string }[]> {
  if (callIds.length === 0) return [];
  const rows = await queryRows<{ call_id: string; transcript: string }>(db, sql`select call_id, transcript from calls where call_id = any(${textArray(callIds)})`);
  return rows.map((r) => ({ callId: r.call_id, transcript: r.transcript }));
}

export async function findCallUtterances(db: Database, callIds: readonly string[]): Promise<{ callId: string; utterances: StoredUtterance[] }[]> {
  if (callIds.length === 0) return [];
  const rows = await queryRows<{ call_id: string; utterances: StoredUtterance[] }>(db, sql`select call_id, utterances from calls where call_id = any(${textArray(callIds)})`);
  return rows.map((r) => ({ callId: r.call_id, utterances: r.utterances }));
}
