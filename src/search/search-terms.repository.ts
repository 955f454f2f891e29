import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client.js';
import { textArray } from '../db/sql.js';

/** A search_terms row: the word, and the fewest positions a call needs to be listed for it. */
export interface TrackedTerm {
  lexeme: string;
  minPositions: number;
  calls: number;
}

/**
 * The lexemes of `calls.search_vector` found in at least `minShare` of the
 * calls, most frequent first, from the planner's statistics (ANALYZE samples
 * the table; no scan of every transcript). Lexemes that the tsquery syntax
 * would need to escape are left out: they are not worth the risk of a query
 * that does not equal what websearch_to_tsquery returns.
 */
export async function findFrequentLexemes(db: Database, minShare: number, limit: number): Promise<{ lexeme: string; share: number }[]> {
  await db.execute(sql`analyze calls`);
  const rows = await queryRows<{ lexeme: string; share: number }>(
    db,
    sql`select u.elem as lexeme, u.freq::float8 as share
        from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as u(elem, freq)
        where s.schemaname = current_schema() and s.tablename = 'calls' and s.attname = 'search_vector'
          and u.elem is not null and u.freq >= ${minShare} and u.elem !~ '[''\\\\[:space:]]'
        order by u.freq desc, u.elem
        limit ${limit}`,
  );
  return rows;
}

export async function findTrackedTerms(db: Database): Promise<TrackedTerm[]> {
  return queryRows<TrackedTerm>(
    db,
    sql`select t.lexeme, t.min_positions as "minPositions", (select count(*)::int from search_term_calls tc where tc.lexeme = t.lexeme) as calls
        from search_terms t order by t.lexeme`,
  );
}

/** Stops tracking these terms (their listed calls go with them). */
export async function deleteTrackedTerms(db: Database, lexemes: readonly string[]): Promise<void> {
  if (lexemes.length === 0) return;
  await db.execute(sql`delete from search_terms where lexeme = any(${textArray(lexemes)})`);
}

/**
 * Starts tracking one term: lists the calls holding its lexeme at the most
 * positions (at least `rows` of them, all ties included) and records the
 * fewest positions among them as the term's threshold, so that from then on
 * the table holds exactly the calls at or over that threshold.
 *
 * Writes to calls wait while this runs (SHARE lock; reads go on): a call
 * written meanwhile would otherwise miss the term that its trigger cannot yet
 * see. The ranking pass is the one an exact search for the word performs,
 * once; the statement timeout is lifted for it, as for ingestion writes.
 */
export async function trackTerm(db: Database, lexeme: string, rows: number): Promise<TrackedTerm> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('statement_timeout', '0', true)`);
    await tx.execute(sql`lock table calls in share mode`);
    const query = sql`('''' || ${lexeme}::text || '''')::tsquery`;
    await tx.execute(sql`insert into search_terms (lexeme, query, min_positions) values (${lexeme}, ${query}, 1)`);
    // ts_rank of a one-word query grows strictly with the word's positions in the call (see
    // search-terms.ts), so "rank >= the rows-th best rank" lists exactly "positions >= some count".
    await tx.execute(
      sql`with ranked as materialized (
            select c.call_id, ts_rank(c.search_vector, t.query) as rank
            from calls c, search_terms t
            where t.lexeme = ${lexeme} and c.search_vector @@ t.query
          ), cut as (
            select rank from ranked order by rank desc offset ${rows - 1} limit 1
          )
          insert into search_term_calls (lexeme, call_id, rank)
          select ${lexeme}, call_id, rank from ranked where rank >= coalesce((select rank from cut), 0)`,
    );
    const [term] = await queryRows<TrackedTerm>(
      tx,
      sql`update search_terms set min_positions = coalesce((
            select min(cardinality(u.positions))
            from search_term_calls tc join calls c on c.call_id = tc.call_id, unnest(c.search_vector) u
            where tc.lexeme = ${lexeme} and u.lexeme = ${lexeme}), 1), refreshed_at = now()
          where lexeme = ${lexeme}
          returning lexeme, min_positions as "minPositions", (select count(*)::int from search_term_calls where lexeme = ${lexeme}) as calls`,
    );
    return term!;
  });
}
