import { sql, type SQL } from 'drizzle-orm';
import { expect } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.js';
import type { GraphQLResponse, TestParley } from './harness.js';

export interface SearchMatch {
  callId: string;
  rank: number;
}

/** The independent answer to a search: every match in exact ts_rank order (ties by callId desc), straight from SQL. */
export async function exactSearchMatches(db: Database, query: string, where: SQL = sql`true`): Promise<SearchMatch[]> {
  const rows = await queryRows<{ call_id: string; rank: number }>(
    db,
    sql`select c.call_id, ts_rank(c.search_vector, websearch_to_tsquery('english', ${query}))::float8 as rank
        from calls c
        where c.search_vector @@ websearch_to_tsquery('english', ${query}) and ${where}
        order by ts_rank(c.search_vector, websearch_to_tsquery('english', ${query})) desc, c.call_id desc`,
  );
  return rows.map((r) => ({ callId: r.call_id, rank: r.rank }));
}

/**
 * Every page of a searchCalls operation (`document` selects totalCount,
 * pageInfo { hasNextPage hasPreviousPage endCursor } and edges { rank node { callId } }),
 * following endCursor; each page must come without errors.
 */
export async function searchAllPages(t: TestParley, document: string, query: string, first: number, filter?: Record<string, unknown>) {
  const seen: SearchMatch[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 500; guard++) {
    const res: GraphQLResponse = await t.gql(document, { query, first, after, filter });
    expect(res.body.errors).toBeUndefined();
    const conn = res.body.data!.searchCalls;
    totals.push(conn.totalCount);
    expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
    seen.push(...conn.edges.map((e: any) => ({ callId: e.node.callId, rank: e.rank })));
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return { seen, totals };
}
