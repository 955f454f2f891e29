import { type SQL, sql } from 'drizzle-orm';
import type { AgentRecord } from '../agents/agent.repository.js';
import type { CustomerRecord } from '../customers/customer.repository.js';
import { type Database, queryRows } from '../db/client.js';
import type { StoredInsights, StoredNudge, StoredUtterance } from '../db/schema/index.js';
import { keysetSql, type OrderSpec, textArray } from './call.query.js';

/** A call without its heavy text (transcript, utterances) and without its vectors. */
export interface CallRecord {
  id: string;
  callId: string;
  agentId: string;
  customerId: string;
  language: string;
  startTime: Date;
  durationSeconds: number;
  agentTalkRatio: number;
  customerSentimentScore: number;
  insights: StoredInsights;
  coachingNudges: StoredNudge[];
  createdAt: Date;
  updatedAt: Date;
}

/** A call with the agent and customer it was joined with, and its sort key for cursors. */
export interface CallWithPeople {
  call: CallRecord;
  agent: AgentRecord;
  customer: CustomerRecord;
  sortKey: string | number;
}

export interface CallTexts {
  callId: string;
  transcript: string;
  utterances: StoredUtterance[];
}

/** Timestamps leave SQL as ISO text: both drivers hand raw timestamp text to drizzle, in their own formats. */
export const isoTimestamp = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The one projection of a call with its people; `c`, `a` and `cu` are calls, agents and customers. */
export const CALL_WITH_PEOPLE_COLUMNS = sql`
  c.id::text as id, c.call_id, c.agent_id, c.customer_id, c.language,
  ${isoTimestamp('c.start_time')} as start_time, c.duration_seconds,
  c.agent_talk_ratio, c.customer_sentiment_score, c.insights, c.coaching_nudges,
  ${isoTimestamp('c.created_at')} as created_at, ${isoTimestamp('c.updated_at')} as updated_at,
  a.id::text as a_id, a.name as a_name, a.email as a_email,
  cu.id::text as cu_id, cu.name as cu_name, cu.email as cu_email`;

export interface CallWithPeopleRow {
  id: string;
  call_id: string;
  agent_id: string;
  customer_id: string;
  language: string;
  start_time: string;
  duration_seconds: number;
  agent_talk_ratio: number;
  customer_sentiment_score: number;
  insights: StoredInsights;
  coaching_nudges: StoredNudge[];
  created_at: string;
  updated_at: string;
  a_id: string;
  a_name: string;
  a_email: string | null;
  cu_id: string;
  cu_name: string;
  cu_email: string | null;
  sort_key?: string | number;
  parent_id?: string;
}

export function toCallWithPeople(row: CallWithPeopleRow): CallWithPeople {
  return {
    call: {
      id: row.id,
      callId: row.call_id,
      agentId: row.agent_id,
      customerId: row.customer_id,
      language: row.language,
      startTime: new Date(row.start_time),
      durationSeconds: row.duration_seconds,
      agentTalkRatio: row.agent_talk_ratio,
      customerSentimentScore: row.customer_sentiment_score,
      insights: row.insights,
      coachingNudges: row.coaching_nudges,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
    },
    agent: { id: row.a_id, agentId: row.agent_id, name: row.a_name, email: row.a_email },
    customer: { id: row.cu_id, customerId: row.customer_id, name: row.cu_name, email: row.cu_email },
    sortKey: row.sort_key ?? row.call_id,
  };
}

/** What the inner page query carries out: no transcript, utterances or vectors. */
export const CALL_INNER_COLUMNS = sql.raw(
  'c.id, c.call_id, c.agent_id, c.customer_id, c.language, c.start_time, c.duration_seconds, c.agent_talk_ratio, c.customer_sentiment_score, c.insights, c.coaching_nudges, c.created_at, c.updated_at',
);

export const PEOPLE_JOIN = sql`join agents a on a.agent_id = c.agent_id join customers cu on cu.customer_id = c.customer_id`;

export async function findCallsByCallIds(db: Database, callIds: readonly string[]): Promise<CallWithPeople[]> {
  if (callIds.length === 0) return [];
  const rows = await queryRows<CallWithPeopleRow>(
    db,
    sql`select ${CALL_WITH_PEOPLE_COLUMNS} from calls c ${PEOPLE_JOIN} where c.call_id = any(${textArray(callIds)})`,
  );
  return rows.map(toCallWithPeople);
}

export interface PageQuery {
  where: SQL | undefined;
  order: OrderSpec;
  /** Rows to fetch (the page size plus one, to learn whether there is a next page). */
  limit: number;
  offset: number;
  after: { value: string | number; id: string } | null;
}

function pageWhere(query: PageQuery, extra?: SQL): SQL {
  const parts = [extra, query.where, query.after ? keysetSql(query.order, query.after.value, query.after.id) : undefined];
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length ? sql`where ${sql.join(present, sql` and `)}` : sql``;
}

function orderSql(order: OrderSpec, column: SQL, idColumn: SQL): SQL {
  const dir = sql.raw(order.descending ? 'desc' : 'asc');
  return sql`${column} ${dir}, ${idColumn} ${dir}`;
}

/**
 * One page of calls with their agent and customer, in one statement. The
 * page is cut first (inner query: an index range scan for the common orders)
 * and only its rows are joined.
 */
export async function findCallPage(db: Database, query: PageQuery): Promise<CallWithPeople[]> {
  const rows = await queryRows<CallWithPeopleRow>(
    db,
    sql`select ${CALL_WITH_PEOPLE_COLUMNS}, c.sort_key from (
          select ${CALL_INNER_COLUMNS}, ${query.order.sortKey} as sort_key, ${query.order.column} as sort_value
          from calls c ${pageWhere(query)}
          order by ${orderSql(query.order, query.order.column, sql`c.call_id`)}
          limit ${query.limit} offset ${query.offset}
        ) c ${PEOPLE_JOIN}
        order by ${orderSql(query.order, sql`c.sort_value`, sql`c.call_id`)}`,
  );
  return rows.map(toCallWithPeople);
}

/**
 * The same page for many parents at once (Agent.calls, Customer.calls): one
 * LATERAL subquery per parent id, all in one statement.
 */
export async function findCallPagesByParent(
  db: Database,
  parentColumn: 'agent_id' | 'customer_id',
  parentIds: readonly string[],
  query: PageQuery,
): Promise<Map<string, CallWithPeople[]>> {
  const byParent = new Map<string, CallWithPeople[]>(parentIds.map((id) => [id, []]));
  if (parentIds.length === 0) return byParent;
  const parentMatch = sql`c.${sql.raw(parentColumn)} = parent.id`;
  const rows = await queryRows<CallWithPeopleRow>(
    db,
    sql`select ${CALL_WITH_PEOPLE_COLUMNS}, c.sort_key, parent.id as parent_id
        from unnest(${textArray(parentIds)}) as parent(id)
        cross join lateral (
          select ${CALL_INNER_COLUMNS}, ${query.order.sortKey} as sort_key, ${query.order.column} as sort_value
          from calls c ${pageWhere(query, parentMatch)}
          order by ${orderSql(query.order, query.order.column, sql`c.call_id`)}
          limit ${query.limit} offset ${query.offset}
        ) c ${PEOPLE_JOIN}
        order by parent.id, ${orderSql(query.order, sql`c.sort_value`, sql`c.call_id`)}`,
  );
  for (const row of rows) byParent.get(row.parent_id!)?.push(toCallWithPeople(row));
  return byParent;
}

export async function countCalls(db: Database, where: SQL | undefined): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from calls c ${where ? sql`where ${where}` : sql``}`);
  return row?.n ?? 0;
}

/** Counts per parent id, in one statement; parents without calls get 0. */
export async function countCallsByParent(
  db: Database,
  parentColumn: 'agent_id' | 'customer_id',
  parentIds: readonly string[],
  where: SQL | undefined,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(parentIds.map((id) => [id, 0]));
  if (parentIds.length === 0) return counts;
  const column = sql.raw(`c.${parentColumn}`);
  const rows = await queryRows<{ parent_id: string; n: number }>(
    db,
    sql`select ${column} as parent_id, count(*)::int as n from calls c
        where ${column} = any(${textArray(parentIds)}) ${where ? sql`and ${where}` : sql``}
        group by ${column}`,
  );
  for (const row of rows) counts.set(row.parent_id, row.n);
  return counts;
}

export async function findCallTexts(db: Database, callIds: readonly string[]): Promise<CallTexts[]> {
  if (callIds.length === 0) return [];
  const rows = await queryRows<{ call_id: string; transcript: string; utterances: StoredUtterance[] }>(
    db,
    sql`select call_id, transcript, utterances from calls where call_id = any(${textArray(callIds)})`,
  );
  return rows.map((r) => ({ callId: r.call_id, transcript: r.transcript, utterances: r.utterances }));
}
