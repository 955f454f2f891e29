import { type SQL, sql } from 'drizzle-orm';
import type { NormalizedCallFilter } from '../calls/call.filter.js';
import {
  CALL_INNER_COLUMNS,
  CALL_WITH_PEOPLE_COLUMNS,
  type CallWithPeople,
  type CallWithPeopleRow,
  PEOPLE_JOIN,
  toCallWithPeople,
} from '../calls/call.projection.js';
import { callFilterSql } from '../calls/call.repository.js';
import { type Database, queryRows } from '../db/client.js';

/** One page of Query.searchCalls, validated. */
export interface SearchPageQuery {
  /** The user's text, parsed by websearch_to_tsquery (which never fails on syntax). */
  text: string;
  /** The validated CallFilter. */
  filter: NormalizedCallFilter | null;
  /** Rows to fetch: the page size plus one, to learn whether there is a next page. */
  limit: number;
  /** Rows strictly after this (rank, callId) in rank-desc, callId-desc order. */
  after: { rank: string; callId: string } | null;
  /** Compute ts_headline for the page's rows (it re-parses each transcript). */
  headline: boolean;
}

export interface SearchHit extends CallWithPeople {
  /** ts_rank as float4 text: shortest exact form, so a cursor compares back to the same value. */
  rankText: string;
  headline: string | null;
}

/** The search configuration of `calls.search_vector` (a generated column): they must agree or the GIN index is useless. */
const tsQuery = (text: string) => sql`websearch_to_tsquery('english'::regconfig, ${text})`;
const HEADLINE_OPTIONS = 'MaxFragments=2, MaxWords=30, MinWords=10, StartSel=«, StopSel=»';

interface SearchRow extends CallWithPeopleRow {
  rank_text: string;
  headline: string | null;
}

/**
 * One page of matches, best first, with agents and customers, in one
 * statement. `search_vector @@ query` is served by the GIN index (the planner
 * picks it when the terms are selective); ts_rank (float4) orders the matches,
 * ties by call_id desc. Only the page's rows reach the outer query, so
 * ts_headline runs at most `limit` times, and only when asked for.
 *
 * A one-word query on a frequent word (one that `search_terms` tracks) reads
 * its page from `search_term_calls`, already in rank order, and ranks no
 * match at all when that list fills the page; otherwise the exact branch
 * runs (a gate PostgreSQL evaluates once: the branch it closes never starts).
 * Why the list gives exactly the exact answer: search-terms.service.ts.
 *
 * The cursor carries the rank as float4 text, which since PostgreSQL 12
 * (extra_float_digits = 1) is the shortest text that reads back as the same
 * float4, so `rank < $cursor::float4` neither skips nor repeats a row.
 */
export async function findSearchPage(db: Database, query: SearchPageQuery): Promise<SearchHit[]> {
  const rows = await queryRows<SearchRow>(db, searchPageSql(query));
  return rows.map((row) => ({ ...toCallWithPeople({ ...row, sort_key: row.rank_text }), rankText: row.rank_text, headline: row.headline }));
}

/** The statement of findSearchPage (exported for EXPLAIN in tests). */
export function searchPageSql(query: SearchPageQuery): SQL {
  const q = tsQuery(query.text);
  const filter = callFilterSql(query.filter);
  // The same float4 on both sides (stored by ts_rank with the same query, or computed): the comparison is exact.
  const after = (rank: SQL, callId: SQL) => (query.after ? sql`(${rank}, ${callId}) < (${query.after.rank}::float4, ${query.after.callId})` : undefined);
  const where = (...parts: (SQL | undefined)[]) => sql.join(parts.filter((part): part is SQL => part !== undefined), sql` and `);
  const columns = sql`${CALL_INNER_COLUMNS}${query.headline ? sql`, c.transcript` : sql``}`;
  const rank = sql`ts_rank(c.search_vector, ${q})`;
  return sql`with term as (
          select lexeme from search_terms where query = ${q}
        ), listed as (
          select ${columns}, tc.rank
          from search_term_calls tc join calls c on c.call_id = tc.call_id
          where ${where(sql`tc.lexeme = (select lexeme from term)`, after(sql`tc.rank`, sql`tc.call_id`), filter)}
          order by tc.rank desc, tc.call_id desc
          limit ${query.limit}
        ), page as (
          select * from listed where (select count(*) from listed) = ${query.limit}
          union all
          (select ${columns}, ${rank} as rank
          from calls c
          where ${where(sql`c.search_vector @@ ${q}`, filter, after(rank, sql`c.call_id`), sql`(select count(*) from listed) < ${query.limit}`)}
          order by rank desc, c.call_id desc
          limit ${query.limit})
        )
        select ${CALL_WITH_PEOPLE_COLUMNS}, c.rank::text as rank_text,
          ${query.headline ? sql`ts_headline('english'::regconfig, c.transcript, ${q}, ${HEADLINE_OPTIONS})` : sql`null::text`} as headline
        from page c ${PEOPLE_JOIN}
        order by c.rank desc, c.call_id desc`;
}

export async function countSearchMatches(db: Database, text: string, filter: NormalizedCallFilter | null): Promise<number> {
  const where = callFilterSql(filter);
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from calls c where c.search_vector @@ ${tsQuery(text)} ${where ? sql`and ${where}` : sql``}`,
  );
  return row?.n ?? 0;
}

/** Whether the text leaves any lexeme once parsed ("the and" leaves none: stop words only). */
export async function hasLexemes(db: Database, text: string): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select numnode(${tsQuery(text)})::int as n`);
  return (row?.n ?? 0) > 0;
}
