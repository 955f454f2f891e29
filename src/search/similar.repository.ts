import { type SQL, sql } from 'drizzle-orm';
import {
  CALL_INNER_COLUMNS,
  CALL_WITH_PEOPLE_COLUMNS,
  type CallWithPeople,
  type CallWithPeopleRow,
  PEOPLE_JOIN,
  toCallWithPeople,
} from '../calls/call.projection.js';
import { type Database, queryRows } from '../db/client.js';
import { textArray } from '../db/sql.js';

/** One `similarCalls(first)` request: the source call and how many neighbours it wants. */
export interface SimilarRequest {
  callId: string;
  first: number;
}

export interface SimilarHit extends CallWithPeople {
  /** Cosine similarity to the source call, in [-1, 1]. */
  similarity: number;
}

export const similarKey = (r: SimilarRequest) => `${r.first}|${r.callId}`;

interface SimilarRow extends CallWithPeopleRow {
  source_call_id: string;
  k: number;
  similarity: number;
}

/** pgvector settings of one similarity statement (config HNSW_EF_SEARCH, HNSW_ITERATIVE_SCAN). */
export interface HnswSettings {
  efSearch: number;
  iterativeScan: 'off' | 'strict_order' | 'relaxed_order';
}

// Extra index rows read past `first`, so a run of equal distances at the cut is
// sorted by call_id whole (the incremental sort stops at the end of the run).
const TIE_MARGIN = 10;

/**
 * Settings for the similarity statement, local to its transaction.
 * `enable_seqscan = off` because pgvector's cost model ignores that each vector
 * is TOASTed: on 3,000 calls the planner chose a sequential scan that detoasts
 * every embedding, 34x slower than the index (476 ms against 14 ms for 50
 * sources). The other tables of the statement are reached by unique indexes.
 * `iterative_scan` lets the index keep going when the model filter or the call
 * itself removes candidates (up to pgvector's hnsw.max_scan_tuples).
 * Hash and merge joins off: the planner cannot know `limit req.k` (a
 * parameter array), guesses 2,000 neighbours, and hashed all 10,000 customers
 * of the benchmark database for 5 rows (4.4 ms of a 14.5 ms statement at
 * 200,000 calls; 3.2 ms in all with nested loops over the unique indexes).
 */
export function hnswSettingsSql(hnsw: HnswSettings): SQL {
  return sql`select set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
    set_config('hnsw.ef_search', ${String(hnsw.efSearch)}, true), set_config('hnsw.iterative_scan', ${hnsw.iterativeScan}, true)`;
}

/**
 * The nearest neighbours of many calls in ONE statement: a LATERAL HNSW scan
 * per source (`order by embedding <=> source limit k` is the shape the index
 * serves). Only vectors of the source's embedding model are compared, never the
 * call itself; sources without an embedding get none. Equal distances are
 * ordered by call_id ascending.
 */
export function similarCallsSql(requests: readonly SimilarRequest[]): SQL {
  const ks = `{${requests.map((r) => Math.trunc(r.first)).join(',')}}`;
  return sql`select ${CALL_WITH_PEOPLE_COLUMNS}, req.call_id as source_call_id, req.k,
      least(1, greatest(-1, 1 - c.distance))::float8 as similarity
    from unnest(${textArray(requests.map((r) => r.callId))}, ${ks}::int[]) as req(call_id, k)
    join calls src on src.call_id = req.call_id and src.embedding is not null and src.embedding_model is not null
    cross join lateral (
      select * from (
        select ${CALL_INNER_COLUMNS}, (c.embedding <=> src.embedding) as distance
        from calls c
        where c.embedding_model = src.embedding_model and c.id <> src.id
        order by c.embedding <=> src.embedding
        limit req.k + ${TIE_MARGIN}
      ) n
      order by n.distance, n.call_id
      limit req.k
    ) c ${PEOPLE_JOIN}
    -- A zero vector (text without words) has no direction: its cosine is NaN, not a similarity.
    where c.distance <> 'NaN'::float8
    order by req.call_id, req.k, c.distance, c.call_id`;
}

/** Runs similarCallsSql under hnswSettingsSql: two statements in one transaction, whatever the number of requests. */
export async function findSimilarCalls(
  db: Database,
  requests: readonly SimilarRequest[],
  hnsw: HnswSettings,
): Promise<Map<string, SimilarHit[]>> {
  const results = new Map<string, SimilarHit[]>(requests.map((r) => [similarKey(r), []]));
  if (requests.length === 0) return results;
  const rows = await db.transaction(async (tx) => {
    await tx.execute(hnswSettingsSql(hnsw));
    return queryRows<SimilarRow>(tx, similarCallsSql(requests));
  });
  for (const row of rows) {
    results.get(similarKey({ callId: row.source_call_id, first: row.k }))?.push({ ...toCallWithPeople(row), similarity: row.similarity });
  }
  return results;
}
