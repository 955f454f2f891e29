import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { searchPageSql } from '../../src/search/search.repository.js';
import { insertEmbeddedCalls } from '../support/embedded-fixtures.js';
import { startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';
import { exactSearchMatches, searchAllPages } from '../support/search-truth.js';

const CALLS = 400;
const CUSTOMERS = 60;
/** Twins with the same transcripts, so equal ranks occur and the callId tie-break is exercised. */
const TWINS = 40;

const SEARCH = /* GraphQL */ `
  query Search($query: String!, $filter: CallFilter, $first: Int, $after: String) {
    searchCalls(query: $query, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor rank node { callId } }
    }
  }`;

describe.each(testModes)('Query.searchCalls on the %s database', (mode) => {
  let t: TestParley;

  beforeAll(async () => {
    t = await startTestParley(mode);
    await insertEmbeddedCalls(t.db, { calls: CALLS, seed: 9, customers: CUSTOMERS });
    await insertEmbeddedCalls(t.db, { calls: TWINS, seed: 9, customers: CUSTOMERS, callIdSuffix: '-TWIN' });
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
  });

  const expectedMatches = (query: string, where?: SQL) => exactSearchMatches(t.db, query, where);
  const allPages = (query: string, first: number, filter?: Record<string, unknown>) => searchAllPages(t, SEARCH, query, first, filter);

  it.each([
    ['a word', 'discount'],
    ['two words (AND)', 'legal contract'],
    ['a quoted phrase', '"liability clause"'],
    ['a negation', 'contract -discount'],
    ['OR', 'salesloom or gong'],
    ['a stemmed form', 'reviewing'],
  ])('ranks %s exactly like ts_rank in SQL and pages through every match once', async (_name, query) => {
    const expected = await expectedMatches(query);
    expect(expected.length).toBeGreaterThan(7);
    const { seen, totals } = await allPages(query, 7);
    expect(seen.map((m) => m.callId)).toEqual(expected.map((m) => m.callId));
    seen.forEach((m, i) => expect(m.rank).toBeCloseTo(expected[i].rank, 6));
    expect(new Set(totals)).toEqual(new Set([expected.length]));
  });

  it('breaks equal ranks by callId descending, across page boundaries', async () => {
    const expected = await expectedMatches('discount');
    const tied = expected.filter((m, i) => expected.some((o, j) => j !== i && o.rank === m.rank));
    expect(tied.length).toBeGreaterThan(10);
    // Page size 1: every tie is split by a cursor whose rank must compare back exactly.
    const { seen } = await allPages('discount', 1);
    expect(seen.map((m) => m.callId)).toEqual(expected.map((m) => m.callId));
  });

  it('combines the query with every CallFilter field like SQL does', async () => {
    const [{ agent_id }] = await queryRows<{ agent_id: string }>(t.db, sql`select agent_id from calls group by agent_id order by count(*) desc limit 1`);
    const cases: [Record<string, unknown>, SQL][] = [
      [{ language: 'en', minSentiment: -0.2 }, sql`c.language = 'en' and c.customer_sentiment_score >= -0.2`],
      [{ agentId: agent_id, maxTalkRatio: 0.8 }, sql`c.agent_id = ${agent_id} and c.agent_talk_ratio <= 0.8`],
      [{ from: '2026-03-01T00:00:00Z', to: '2026-09-01T00:00:00Z', minDurationSeconds: 120 },
        sql`c.start_time >= '2026-03-01T00:00:00Z' and c.start_time < '2026-09-01T00:00:00Z' and c.duration_seconds >= 120`],
      [{ agentIds: [] }, sql`false`],
    ];
    for (const [filter, where] of cases) {
      const expected = await expectedMatches('contract', where);
      const { seen, totals } = await allPages('contract', 25, filter);
      expect(seen.map((m) => m.callId)).toEqual(expected.map((m) => m.callId));
      expect(totals[0]).toBe(expected.length);
    }
  });

  it('treats hostile text as search words: no error, no side effect, the same answer as SQL', async () => {
    const before = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from calls`);
    for (const query of [
      "'; drop table calls; --",
      'contract" OR 1=1 --',
      '"unterminated phrase',
      '-',
      'OR OR OR',
      '!!! & | <-> :* (( ))',
      'legal & !contract',
      'Robert\'); DELETE FROM agents; --',
      '\\x00 \\\\ %_ $1 ${x}',
      '契約 😀 Überprüfung ñandú',
      'a'.repeat(500),
      // 500 characters as users count them, 740 UTF-16 units: within the limit.
      `${'ü'.repeat(250)} contract ${'😀'.repeat(240)}`,
    ]) {
      const res = await t.gql(SEARCH, { query, first: 100 });
      if (res.body.errors) {
        // Only "nothing to search for" may be refused, and then as the user's mistake.
        expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' });
        expect(await expectedMatches(query)).toEqual([]);
        continue;
      }
      const expected = await expectedMatches(query);
      expect(res.body.data!.searchCalls.edges.map((e: any) => e.node.callId)).toEqual(expected.slice(0, 100).map((m) => m.callId));
      expect(res.body.data!.searchCalls.totalCount).toBe(expected.length);
    }
    expect(await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from calls`)).toEqual(before);
  });

  it('rejects an empty, blank, stop-word-only, too long or NUL-bearing query with BAD_USER_INPUT naming query', async () => {
    for (const [query, message] of [
      ['', 'at least one word'],
      ['  \t\n ', 'at least one word'],
      ['the and of', 'no searchable words'],
      ['"" -- ;', 'no searchable words'],
      ['a'.repeat(501), 'at most 500 characters; got 501'],
      ['contract\u0000', 'NUL'],
    ]) {
      const res = await t.gql(SEARCH, { query });
      expect(res.body.data).toBeNull();
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' });
      expect(res.body.errors?.[0].message).toContain(message);
    }
  });

  it('rejects first outside 1..100 and a cursor that is malformed or from another query, naming the argument', async () => {
    const first = await t.gql(SEARCH, { query: 'contract', first: 2 });
    const cursor = first.body.data!.searchCalls.pageInfo.endCursor;
    for (const [variables, argument] of [
      [{ query: 'contract', first: 0 }, 'first'],
      [{ query: 'contract', first: 101 }, 'first'],
      [{ query: 'contract', after: 'garbage' }, 'after'],
      [{ query: 'discount', after: cursor }, 'after'],
      [{ query: 'contract', after: Buffer.from(JSON.stringify([JSON.parse(Buffer.from(cursor, 'base64url').toString())[0], '1; drop', 'X'])).toString('base64url') }, 'after'],
    ] as const) {
      const res = await t.gql(SEARCH, variables);
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('matches with a predicate the GIN index on search_vector serves', async () => {
    const plan = await t.db.transaction(async (tx) => {
      // Few rows make a sequential scan cheaper; disabling it shows whether the index is usable at all.
      await tx.execute(sql`set local enable_seqscan = off`);
      const statement = searchPageSql({ text: 'liability clause', filter: null, limit: 21, after: null, headline: true });
      return queryRows<Record<string, string>>(tx, sql`explain ${statement}`);
    });
    expect(plan.map((row) => Object.values(row)[0]).join('\n')).toContain('calls_search_vector_idx');
  });

  it('highlights the matched words in a short headline', async () => {
    const res = await t.gql(`{ searchCalls(query: "discounts", first: 20) { edges { headline node { callId transcript } } } }`);
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data!.searchCalls.edges as { headline: string; node: { transcript: string } }[];
    expect(edges).toHaveLength(20);
    for (const edge of edges) {
      const marked = [...edge.headline.matchAll(/«([^»]+)»/g)].map((m) => m[1].toLowerCase());
      expect(marked.length).toBeGreaterThan(0);
      // 'discounts' stems to 'discount': every marked word is a form of it.
      for (const word of marked) expect(word.startsWith('discount')).toBe(true);
      expect(edge.headline.length).toBeLessThan(edge.node.transcript.length);
    }
  });

  it('costs the same 2 statements for 5, 50 or 100 results with agent, customer, headline and totalCount', async () => {
    const query = `query($first: Int) { searchCalls(query: "team", first: $first) {
      totalCount edges { rank headline node { callId agent { name } customer { name } } } } }`;
    const counts: number[] = [];
    for (const first of [5, 50, 100]) {
      const res = await t.gql(query, { first });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.searchCalls.edges).toHaveLength(first);
      counts.push(res.body.extensions!.sql.statements);
    }
    // the page (joined with agents and customers, headlines included) + totalCount
    expect(counts).toEqual([2, 2, 2]);
    const noCount = await t.gql(`{ searchCalls(query: "contract") { edges { node { callId } } } }`);
    expect(noCount.body.extensions!.sql.statements).toBe(1);
  });

  it('answers a search without matches with an empty page, at one extra statement', async () => {
    const res = await t.gql(`{ searchCalls(query: "xylophonist") { totalCount pageInfo { hasNextPage endCursor } edges { cursor } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.searchCalls).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    // page + "has it any words?" check + totalCount
    expect(res.body.extensions!.sql.statements).toBe(3);
  });
});
