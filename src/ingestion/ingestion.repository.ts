import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client.js';
import { nullableTextArray, textArray } from '../db/sql.js';
import { PARTIES, type PartyKind } from '../parties/party.kind.js';
import type { Enrichment } from './enrichment/enrich-core.js';
import type { ValidCall, ValidParty } from './ingestion.validation.js';

// Plain SQL for every ingestion write; only ingestion.writer.ts calls these,
// inside its transactions, so every write is followed by the same effects.

/** A database or an open transaction. */
export type Executor = Pick<Database, 'execute'>;

const idColumn = (kind: PartyKind): SQL => sql.raw(PARTIES[kind].idColumn);
const table = (kind: PartyKind): SQL => sql.raw(PARTIES[kind].table);

export interface CallRowToWrite {
  call: ValidCall;
  enrichment: Enrichment;
}

export type ConflictMode = 'skip' | 'update';

/** Whether no call is stored at all (the demo seed fills only an empty database). */
export async function hasNoCalls(db: Executor): Promise<boolean> {
  const [row] = await queryRows<{ empty: boolean }>(db, sql`select not exists (select 1 from calls) as empty`);
  return row?.empty ?? true;
}

/** Which of these calls exist already (one statement). */
export async function findExistingCallIds(db: Executor, callIds: readonly string[]): Promise<Set<string>> {
  if (callIds.length === 0) return new Set();
  const rows = await queryRows<{ call_id: string }>(db, sql`select call_id from calls where call_id = any(${textArray(callIds)})`);
  return new Set(rows.map((r) => r.call_id));
}

/**
 * Creates the named parties that do not exist yet (an existing name is never
 * overwritten here) and returns which of `ids` exist afterwards.
 *
 * Two statements, on purpose: under READ COMMITTED each statement reads its
 * own snapshot. When another transaction creates the same new party at the
 * same moment, the INSERT waits for it and then does nothing; a read in the
 * same statement would still use the snapshot from before that commit and miss
 * the party (every call of the batch would fail with UNKNOWN_AGENT). The
 * second statement starts after the wait, so it sees the committed row.
 */
export async function ensureParties(
  tx: Executor,
  kind: PartyKind,
  ids: readonly string[],
  named: readonly { id: string; name: string }[],
): Promise<{ known: Set<string>; created: string[] }> {
  if (ids.length === 0) return { known: new Set(), created: [] };
  const id = idColumn(kind);
  let created: string[] = [];
  if (named.length > 0) {
    // Sorted, so two transactions lock the same keys in the same order and cannot deadlock.
    const sorted = [...named].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const inserted = await queryRows<{ id: string }>(
      tx,
      sql`insert into ${table(kind)} (${id}, name)
          select * from unnest(${textArray(sorted.map((p) => p.id))}, ${textArray(sorted.map((p) => p.name))})
          on conflict (${id}) do nothing
          returning ${id} as id`,
    );
    created = inserted.map((r) => r.id);
  }
  const existing = await queryRows<{ id: string }>(tx, sql`select ${id} as id from ${table(kind)} where ${id} = any(${textArray(ids)})`);
  return { known: new Set(existing.map((r) => r.id)), created };
}

/** Bounds every following statement of the open transaction (ingestion writes have their own, longer timeout). */
export async function setLocalStatementTimeout(tx: Executor, ms: number): Promise<void> {
  await tx.execute(sql`select set_config('statement_timeout', ${String(ms)}, true)`);
}

/**
 * The agent and customer each of these existing calls has now, locked until
 * the transaction ends, so an UPDATE that moves a call can name where it came
 * from (in callId order, the same order the INSERT takes its locks in).
 */
export async function lockCallParties(tx: Executor, callIds: readonly string[]): Promise<Map<string, { agentId: string; customerId: string }>> {
  if (callIds.length === 0) return new Map();
  const rows = await queryRows<{ call_id: string; agent_id: string; customer_id: string }>(
    tx,
    sql`select call_id, agent_id, customer_id from calls where call_id = any(${textArray(callIds)}) order by call_id for update`,
  );
  return new Map(rows.map((r) => [r.call_id, { agentId: r.agent_id, customerId: r.customer_id }]));
}

const CALL_COLUMNS = sql.raw(
  'call_id, agent_id, customer_id, language, start_time, duration_seconds, transcript, agent_talk_ratio, ' +
    'customer_sentiment_score, agent_sentiment_score, topics, utterances, insights, coaching_nudges, embedding, embedding_model',
);

// Every enrichment column is replaced; id and created_at are kept.
const UPDATE_SET = sql.raw(
  [
    'agent_id', 'customer_id', 'language', 'start_time', 'duration_seconds', 'transcript', 'agent_talk_ratio',
    'customer_sentiment_score', 'agent_sentiment_score', 'topics', 'utterances', 'insights', 'coaching_nudges',
    'embedding', 'embedding_model',
  ]
    .map((column) => `${column} = excluded.${column}`)
    .concat('updated_at = now()')
    .join(', '),
);

function callValues(row: CallRowToWrite, modelId: string): SQL {
  const { call, enrichment: e } = row;
  return sql`(${call.callId}, ${call.agentId}, ${call.customerId}, ${call.language}, ${call.startTime.toISOString()}::timestamptz,
    ${call.durationSeconds}::int, ${call.transcript}, ${e.agentTalkRatio}::float8, ${e.customerSentimentScore}::float8,
    ${e.agentSentimentScore}::float8, ${textArray(e.topics)}, ${e.utterancesJson}::jsonb, ${e.insightsJson}::jsonb,
    ${e.nudgesJson}::jsonb, ${e.embedding}::vector, ${modelId})`;
}

/**
 * Inserts (or, in `update` mode, replaces) calls in ONE multi-row statement;
 * the writer sizes the chunks. Returns the rows written: `inserted` is false
 * for a replaced row (`xmax = 0` only for a fresh tuple). Rows not returned
 * were skipped because the callId exists. `rows` must have distinct callIds
 * and be sorted by callId: concurrent batches with overlapping ids then take
 * their row locks in the same order, which rules out deadlocks between them.
 */
export async function insertCallRows(
  tx: Executor,
  rows: readonly CallRowToWrite[],
  mode: ConflictMode,
  modelId: string,
): Promise<{ callId: string; inserted: boolean }[]> {
  if (rows.length === 0) return [];
  const conflict = mode === 'skip' ? sql`do nothing` : sql`do update set ${UPDATE_SET}`;
  const result = await queryRows<{ call_id: string; inserted: boolean }>(
    tx,
    sql`insert into calls (${CALL_COLUMNS}) values ${sql.join(
      rows.map((row) => callValues(row, modelId)),
      sql`, `,
    )}
        on conflict (call_id) ${conflict}
        returning call_id, (xmax = 0) as inserted`,
  );
  return result.map((r) => ({ callId: r.call_id, inserted: r.inserted }));
}

/** Inserts or updates (name and email) agents or customers; `rows` must have distinct ids. */
export async function upsertPartyRows(tx: Executor, kind: PartyKind, rows: readonly ValidParty[]): Promise<{ id: string; inserted: boolean }[]> {
  if (rows.length === 0) return [];
  const id = idColumn(kind);
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result = await queryRows<{ id: string; inserted: boolean }>(
    tx,
    sql`insert into ${table(kind)} (${id}, name, email)
        select * from unnest(${textArray(sorted.map((p) => p.id))}, ${textArray(sorted.map((p) => p.name))}, ${nullableTextArray(sorted.map((p) => p.email))})
        on conflict (${id}) do update set name = excluded.name, email = excluded.email, updated_at = now()
        returning ${id} as id, (xmax = 0) as inserted`,
  );
  return result;
}

/** A call to re-embed, with the version of its text the vector is computed from. */
export interface CallToReembed {
  callId: string;
  transcript: string;
  language: string;
  /** updated_at as exact UTC text (microseconds): the UPDATE applies only if the call is still this version. */
  version: string;
}

/** Calls whose vectors come from another model than `modelId` (or none), in callId order after `afterCallId`. */
export async function findCallsToReembed(db: Executor, modelId: string, afterCallId: string, limit: number): Promise<CallToReembed[]> {
  const rows = await queryRows<{ call_id: string; transcript: string; language: string; version: string }>(
    db,
    sql`select call_id, transcript, language, to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as version from calls
        where embedding_model is distinct from ${modelId} and call_id > ${afterCallId}
        order by call_id limit ${limit}`,
  );
  return rows.map((r) => ({ callId: r.call_id, transcript: r.transcript, language: r.language, version: r.version }));
}

export async function countCallsToReembed(db: Executor, modelId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from calls where embedding_model is distinct from ${modelId}`);
  return row?.n ?? 0;
}

/**
 * Sets vector and model of existing calls; content and updated_at stay as
 * they are. A call whose text changed since it was read (an ingestion under
 * UPDATE in between stored a newer text and its vector) is left alone: its
 * version no longer matches.
 */
export async function updateEmbeddings(
  tx: Executor,
  rows: readonly { callId: string; version: string; embedding: string }[],
  modelId: string,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const values = rows.map((r) => sql`(${r.callId}, ${r.version}, ${r.embedding})`);
  const updated = await queryRows<{ call_id: string }>(
    tx,
    sql`update calls c set embedding = v.embedding::vector, embedding_model = ${modelId}
        from (values ${sql.join(values, sql`, `)}) as v(call_id, version, embedding)
        where c.call_id = v.call_id and c.updated_at = v.version::timestamptz
        returning c.call_id`,
  );
  return updated.map((r) => r.call_id);
}
