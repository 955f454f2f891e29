import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { searchPageSql } from '../../src/search/search.repository.js';
import { refreshSearchTerms } from '../../src/search/search-terms.service.js';
import { generateCalls } from '../../src/synthetic/generator.js';
import { insertEmbeddedCalls } from '../support/embedded-fixtures.js';
import { startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';
import { exactSearchMatches, searchAllPages } from '../support/search-truth.js';

const CALLS = 400;
const CUSTOMERS = 60;
/** Twins with the same transcripts: equal ranks, so the callId tie-break runs inside the listed calls too. */
const TWINS = 40;
/** Few listed calls per word, so pages run past the list and the exact fallback is exercised. */
const ROWS_PER_TERM = 12;

const SEARCH = /* GraphQL */ `
  query Search($query: String!, $filter: CallFilter, $first: Int, $after: String) {
    searchCalls(query: $query, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { rank node { callId } }
    }
  }`;
const INGEST = /* GraphQL */ `
  mutation Ingest($calls: [CallInput!]!, $onConflict: ConflictPolicy) {
    ingestCalls(calls: $calls, onConflict: $onConflict) { inserted updated failed }
  }`;

describe.each(testModes)('searchCalls on frequent words (search_term_calls) on the %s database', (mode) => {
  let t: TestParley;
  let words: string[] = [];

  beforeAll(async () => {
    t = await startTestParley(mode);
    await insertEmbeddedCalls(t.db, { calls: CALLS, seed: 21, customers: CUSTOMERS });
    await insertEmbeddedCalls(t.db, { calls: TWINS, seed: 21, customers: CUSTOMERS, callIdSuffix: '-TWIN' });
    const refresh = await refreshSearchTerms(t.db, { minShare: 0.2, rowsPerTerm: ROWS_PER_TERM, maxTerms: 40 });
    words = refresh.tracked.map((term) => term.lexeme);
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
  });

  const expectedMatches = (query: string, where?: SQL) => exactSearchMatches(t.db, query, where);
  const allPages = async (query: string, first: number, filter?: Record<string, unknown>) => (await searchAllPages(t, SEARCH, query, first, filter)).seen;

  /** The invariant the triggers keep: a word's list is exactly the calls holding it at min_positions or more. */
  async function expectListsExact() {
    const drift = await queryRows<{ lexeme: string; call_id: string }>(
      t.db,
      sql`(select t.lexeme, c.call_id from search_terms t join calls c on true, unnest(c.search_vector) u
           where u.lexeme = t.lexeme and cardinality(u.positions) >= t.min_positions
           except select lexeme, call_id from search_term_calls)
          union all
          (select lexeme, call_id from search_term_calls
           except select t.lexeme, c.call_id from search_terms t join calls c on true, unnest(c.search_vector) u
           where u.lexeme = t.lexeme and cardinality(u.positions) >= t.min_positions)`,
    );
    expect(drift).toEqual([]);
    const ranks = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from search_term_calls tc join search_terms t using (lexeme) join calls c on c.call_id = tc.call_id
          where tc.rank <> ts_rank(c.search_vector, t.query)`,
    );
    expect(ranks[0].n).toBe(0);
  }

  it('ts_rank of a one-word query grows strictly with the positions of the word (the property the lists rely on)', async () => {
    const rows = await queryRows<{ n: number; rank: number }>(
      t.db,
      sql`select n, ts_rank(('price:' || (select string_agg(i::text, ',') from generate_series(1, n) i))::tsvector, 'price'::tsquery)::float8 as rank
          from generate_series(1, 256) n order by n`,
    );
    for (let i = 1; i < rows.length; i++) expect(rows[i].rank, `n = ${rows[i].n}`).toBeGreaterThan(rows[i - 1].rank);
  });

  it('tracks the frequent words with lists that hold exactly the calls over their thresholds', async () => {
    expect(words.length).toBeGreaterThan(3);
    const terms = await queryRows<{ lexeme: string; calls: number; matches: number }>(
      t.db,
      sql`select t.lexeme, (select count(*)::int from search_term_calls tc where tc.lexeme = t.lexeme) as calls,
                 (select count(*)::int from calls c where c.search_vector @@ t.query) as matches
          from search_terms t`,
    );
    for (const term of terms) {
      expect(term.calls, term.lexeme).toBeGreaterThanOrEqual(Math.min(ROWS_PER_TERM, term.matches));
      expect(term.calls, term.lexeme).toBeLessThan(term.matches);
    }
    await expectListsExact();
  });

  it('finds a one-word page in the list without ranking the matches, and ranks exactly when the list cannot fill it', async () => {
    const word = words[0];
    const plan = async (limit: number) => {
      const statement = searchPageSql({ text: word, filter: null, limit, after: null, headline: false });
      const rows = await queryRows<{ 'QUERY PLAN': string }>(t.db, sql`explain (analyze, costs off, timing off) ${statement}`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    };
    // A page the list fills: the exact branch (the Bitmap Heap Scan of calls) never runs.
    expect(await plan(5)).toMatch(/Bitmap Heap Scan on calls[^\n]*\(never executed\)|Seq Scan on calls[^\n]*\(never executed\)/);
    // A page larger than the list: the exact branch runs.
    expect(await plan(100)).not.toMatch(/on calls c[^\n]*\(never executed\)/);
  });

  it('answers every page of every tracked word exactly like ts_rank in SQL, at page sizes inside and past the lists', async () => {
    for (const word of words.slice(0, 5)) {
      const expected = await expectedMatches(word);
      for (const first of [3, 11, 40]) {
        const seen = await allPages(word, first);
        expect(seen.map((m) => m.callId), `${word}, first ${first}`).toEqual(expected.map((m) => m.callId));
        expect(seen.map((m) => Math.fround(m.rank))).toEqual(expected.map((m) => Math.fround(m.rank)));
      }
    }
  });

  it('combines a tracked word with filters exactly like SQL (the list alone, or the fallback)', async () => {
    const word = words[0];
    const [agent] = await queryRows<{ agent_id: string }>(t.db, sql`select agent_id from calls group by agent_id order by count(*) desc, agent_id limit 1`);
    const cases: [Record<string, unknown>, SQL][] = [
      [{ minSentiment: -0.2 }, sql`c.customer_sentiment_score >= -0.2`],
      [{ agentId: agent.agent_id }, sql`c.agent_id = ${agent.agent_id}`],
      [{ minDurationSeconds: 600 }, sql`c.duration_seconds >= 600`],
    ];
    for (const [filter, where] of cases) {
      const expected = await expectedMatches(word, where);
      const seen = await allPages(word, 4, filter);
      expect(seen.map((m) => m.callId), JSON.stringify(filter)).toEqual(expected.map((m) => m.callId));
    }
  });

  it('keeps the lists exact through ingestion, transcript updates and a refresh, and the answers with them', async () => {
    // Not a speaker label ("Agent:" is on every other line of every call).
    const word = words.find((w) => !['agent', 'custom'].includes(w))!;
    // New calls that hold the word at the most positions a tsvector keeps (256), so they rank first
    // (ties by callId desc, and "HEAVY-" sorts after "CALL-"): they must head the results at once.
    const generated = [...generateCalls({ calls: 6, seed: 77, offset: 90_000, customers: CUSTOMERS })];
    const heavy = generated.map((c, i) => ({
      ...c,
      callId: `HEAVY-${i}`,
      transcript: `${c.transcript}\n${Array.from({ length: 130 + i }, () => `Agent: ${word} ${word}.`).join('\n')}`,
    }));
    const ingest = await t.gql(INGEST, { calls: heavy });
    expect(ingest.body.errors).toBeUndefined();
    expect(ingest.body.data!.ingestCalls).toMatchObject({ inserted: 6, failed: 0 });
    await expectListsExact();
    let expected = await expectedMatches(word);
    expect(expected.slice(0, 6).map((m) => m.callId).sort()).toEqual(heavy.map((c) => c.callId).sort());
    expect((await allPages(word, 5)).map((m) => m.callId)).toEqual(expected.map((m) => m.callId));

    // Upsert: one heavy call loses the word, one listed call gains it many times.
    const [listed] = await queryRows<{ call_id: string }>(
      t.db,
      sql`select call_id from search_term_calls where lexeme = ${word} and call_id not like 'HEAVY-%' order by call_id limit 1`,
    );
    const [original] = await queryRows<{ call_id: string; agent_id: string; customer_id: string; start_time: string; duration_seconds: number }>(
      t.db,
      sql`select call_id, agent_id, customer_id, to_char(start_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as start_time, duration_seconds
          from calls where call_id = ${listed.call_id}`,
    );
    const updates = [
      { ...heavy[0], transcript: 'Agent: Hello there.\nCustomer: Goodbye now.' },
      {
        callId: original.call_id,
        agentId: original.agent_id,
        customerId: original.customer_id,
        startTime: original.start_time,
        durationSeconds: original.duration_seconds,
        transcript: Array.from({ length: 200 }, () => `Customer: ${word}, ${word} and ${word}.`).join('\n'),
      },
    ];
    const upsert = await t.gql(INGEST, { calls: updates, onConflict: 'UPDATE' });
    expect(upsert.body.errors).toBeUndefined();
    expect(upsert.body.data!.ingestCalls).toMatchObject({ updated: 2, failed: 0 });
    await expectListsExact();
    expected = await expectedMatches(word);
    expect(expected.slice(0, 6).map((m) => m.callId)).toContain(original.call_id);
    expect(expected.some((m) => m.callId === heavy[0].callId)).toBe(false);
    expect((await allPages(word, 5)).map((m) => m.callId)).toEqual(expected.map((m) => m.callId));

    // A refresh that re-lists (the lists grew past 4x): still exact; one that drops every word: still exact, by ranking.
    const relisted = await refreshSearchTerms(t.db, { minShare: 0.2, rowsPerTerm: 1, maxTerms: 40 });
    expect(relisted.tracked.length).toBeGreaterThan(0);
    await expectListsExact();
    expect((await allPages(word, 5)).map((m) => m.callId)).toEqual(expected.map((m) => m.callId));
    const none = await refreshSearchTerms(t.db, { minShare: 1.1, rowsPerTerm: 1, maxTerms: 40 });
    expect(none.tracked).toEqual([]);
    expect(none.removed.length).toBe(relisted.tracked.length);
    expect(await queryRows(t.db, sql`select * from search_term_calls`)).toEqual([]);
    expect((await allPages(word, 5)).map((m) => m.callId)).toEqual(expected.map((m) => m.callId));
  });
});
