import { type SQL, sql } from 'drizzle-orm';
import type { CursorValue } from '../common/cursor.js';
import { badInput } from '../errors.js';
import { CallOrder, type CallFilter } from './call.input.js';

/** Upper bound on `agentIds`, so one filter cannot become a giant statement. */
const MAX_FILTER_IDS = 1_000;

/**
 * A CallFilter as one parameterised SQL predicate over `calls c` (AND of its
 * fields), or undefined when it filters nothing. An empty id list matches
 * nothing, per the contract.
 */
export function callFilterSql(filter: CallFilter | null | undefined, argument = 'filter'): SQL | undefined {
  if (!filter) return undefined;
  const parts: SQL[] = [];
  if (filter.agentId != null) parts.push(sql`c.agent_id = ${filter.agentId}`);
  if (filter.agentIds != null) {
    if (filter.agentIds.length > MAX_FILTER_IDS) {
      throw badInput(`${argument}.agentIds`, `${argument}.agentIds may hold at most ${MAX_FILTER_IDS} ids; got ${filter.agentIds.length}`);
    }
    parts.push(filter.agentIds.length === 0 ? sql`false` : sql`c.agent_id = any(${textArray(filter.agentIds)})`);
  }
  if (filter.customerId != null) parts.push(sql`c.customer_id = ${filter.customerId}`);
  if (filter.language != null) parts.push(sql`c.language = ${filter.language}`);
  if (filter.from != null) parts.push(sql`c.start_time >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to != null) parts.push(sql`c.start_time < ${filter.to.toISOString()}::timestamptz`);
  pushRange(parts, sql`c.customer_sentiment_score`, filter.minSentiment, filter.maxSentiment, `${argument}.minSentiment`);
  pushRange(parts, sql`c.duration_seconds`, filter.minDurationSeconds, filter.maxDurationSeconds, `${argument}.minDurationSeconds`);
  pushRange(parts, sql`c.agent_talk_ratio`, filter.minTalkRatio, filter.maxTalkRatio, `${argument}.minTalkRatio`);
  return parts.length ? sql.join(parts, sql` and `) : undefined;
}

function pushRange(parts: SQL[], column: SQL, min: number | null | undefined, max: number | null | undefined, argument: string): void {
  for (const bound of [min, max]) {
    if (bound != null && !Number.isFinite(bound)) throw badInput(argument, `${argument} must be a finite number`);
  }
  if (min != null) parts.push(sql`${column} >= ${min}`);
  if (max != null) parts.push(sql`${column} <= ${max}`);
}

/** A text[] parameter that both drivers send as one array value. */
export function textArray(values: readonly string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`}::text[]`;
}

export interface OrderSpec {
  /** Sort column over `calls c`. */
  column: SQL;
  descending: boolean;
  /** The cursor's sort value, selected as `sort_key`, exact enough to compare back. */
  sortKey: SQL;
  /** Turns a cursor value back into a SQL value of the column's type. */
  cursorValue: (value: CursorValue) => SQL;
}

// Timestamps travel in cursors as UTC text with microseconds: a JS Date would drop them.
const startTimeKey = sql`to_char(c.start_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const asTimestamp = (v: CursorValue) => sql`${String(v)}::timestamptz`;
const asFloat = (v: CursorValue) => sql`${Number(v)}::float8`;
const asInt = (v: CursorValue) => sql`${Math.trunc(Number(v))}::int`;

const ORDERS: Record<CallOrder, OrderSpec> = {
  [CallOrder.START_TIME_DESC]: { column: sql`c.start_time`, descending: true, sortKey: startTimeKey, cursorValue: asTimestamp },
  [CallOrder.START_TIME_ASC]: { column: sql`c.start_time`, descending: false, sortKey: startTimeKey, cursorValue: asTimestamp },
  [CallOrder.SENTIMENT_ASC]: { column: sql`c.customer_sentiment_score`, descending: false, sortKey: sql`c.customer_sentiment_score`, cursorValue: asFloat },
  [CallOrder.SENTIMENT_DESC]: { column: sql`c.customer_sentiment_score`, descending: true, sortKey: sql`c.customer_sentiment_score`, cursorValue: asFloat },
  [CallOrder.DURATION_DESC]: { column: sql`c.duration_seconds`, descending: true, sortKey: sql`c.duration_seconds`, cursorValue: asInt },
  [CallOrder.DURATION_ASC]: { column: sql`c.duration_seconds`, descending: false, sortKey: sql`c.duration_seconds`, cursorValue: asInt },
};

export function orderSpec(order: CallOrder): OrderSpec {
  const spec = ORDERS[order];
  if (!spec) throw badInput('orderBy', `unknown order ${String(order)}`);
  return spec;
}

/** Rows strictly after the cursor in the order: a row comparison the (column, call_id) indexes serve. */
export function keysetSql(spec: OrderSpec, value: CursorValue, id: string): SQL {
  return spec.descending
    ? sql`(${spec.column}, c.call_id) < (${spec.cursorValue(value)}, ${id})`
    : sql`(${spec.column}, c.call_id) > (${spec.cursorValue(value)}, ${id})`;
}
