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
 * Starts tracking these terms, in one transaction and two passes over the
 * calls' search vectors whatever their number: the first counts, per word,
 * how many calls hold it at each number of positions and sets its threshold
 * to the largest count that still lists at least `rows` calls (all ties
 * included); the second lists every call at or over the threshold, with its
 * ts_rank for the word. From then on the trigger keeps each list exactly
 * "the calls at or over the threshold".
 *
 * Writes to calls wait while this runs (SHARE lock; reads go on): a call
 * written meanwhile would otherwise miss a word its trigger cannot yet see.
 * The statement timeout is lifted for it, as for ingestion writes.
 */
export async function trackTerms(db: Database, lexemes: readonly string[], rows: number): Promise<void> {
  if (lexemes.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('statement_timeout', '0', true)`);
    await tx.execute(sql`lock table calls in share mode`);
    await tx.execute(
      sql`with counts as (
            select u.lexeme, cardinality(u.positions) as n, count(*) as calls
            from calls c cross join lateral unnest(c.search_vector) as u(lexeme, positions, weights)
            where u.lexeme = any(${textArray(lexemes)})
            group by 1, 2
          ), at_least as (
            select lexeme, n, sum(calls) over (partition by lexeme order by n desc) as calls from counts
          )
          insert into search_terms (lexeme, query, min_positions)
          select lexeme, (chr(39) || lexeme || chr(39))::tsquery, coalesce(max(n) filter (where calls >= ${rows}), 1)
          from at_least group by lexeme`,
    );
    await tx.execute(
      sql`insert into search_term_calls (lexeme, call_id, rank)
          select t.lexeme, c.call_id, ts_rank(c.search_vector, t.query)
          from calls c cross join lateral unnest(c.search_vector) as u(lexeme, positions, weights)
          join search_terms t on t.lexeme = u.lexeme
          where t.lexeme = any(${textArray(lexemes)}) and cardinality(u.positions) >= t.min_positions`,
    );
  });
}
