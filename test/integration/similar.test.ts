import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { hnswSettingsSql, similarCallsSql } from '../../src/search/similar.repository.js';
import { insertEmbeddedCalls } from '../support/embedded-fixtures.js';
import { startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';

const CALLS = 2_000;
const CUSTOMERS = 100;
/** Twins of the first calls: same transcript, same vector, another embedding model. */
const TWINS = 20;
const OTHER_MODEL = 'other-model-v1';

interface Neighbour {
  callId: string;
  distance: number;
}

/**
 * Exact k nearest neighbours, the ground truth: the same candidates as the
 * API (same model, not the call itself), ordered by an expression the HNSW
 * index cannot serve (`distance + 0`), so PostgreSQL scans and sorts every row.
 */
async function exactNeighbours(t: TestParley, callIds: string[], k: number): Promise<Map<string, Neighbour[]>> {
  const result = new Map<string, Neighbour[]>(callIds.map((id) => [id, []]));
  // Chunks keep each exact statement well under the statement timeout.
  for (let i = 0; i < callIds.length; i += 25) {
    const rows = await queryRows<{ src: string; id: string; d: number }>(
      t.db,
      sql`select src.call_id as src, x.call_id as id, x.d
          from calls src cross join lateral (
            select c.call_id, (c.embedding <=> src.embedding)::float8 as d from calls c
            where c.embedding_model = src.embedding_model and c.id <> src.id
            order by (c.embedding <=> src.embedding) + 0, c.call_id
            limit ${k}
          ) x
          where src.call_id = any(${`{${callIds.slice(i, i + 25).join(',')}}`}::text[])
          order by src.call_id, x.d, x.call_id`,
    );
    for (const row of rows) result.get(row.src)!.push({ callId: row.id, distance: row.d });
  }
  return result;
}

/** One request asking similarCalls of many calls at once, through aliases. */
function similarQuery(callIds: string[], first?: number): string {
  const args = first === undefined ? '' : `(first: ${first})`;
  return `{ ${callIds.map((id, i) => `c${i}: call(callId: "${id}") { callId similarCalls${args} { similarity call { callId } } }`).join('\n')} }`;
}

type SimilarResult = { similarity: number; call: { callId: string } }[];

describe.each(testModes)('Call.similarCalls on the %s database', (mode) => {
  let t: TestParley;
  let callIds: string[];
  let twinIds: string[];
  let noEmbeddingIds: string[];

  beforeAll(async () => {
    t = await startTestParley(mode);
    ({ callIds } = await insertEmbeddedCalls(t.db, { calls: CALLS, seed: 42, customers: CUSTOMERS }));
    ({ callIds: twinIds } = await insertEmbeddedCalls(t.db, { calls: TWINS, seed: 42, customers: CUSTOMERS, callIdSuffix: '-M2', embeddingModel: OTHER_MODEL }));
    ({ callIds: noEmbeddingIds } = await insertEmbeddedCalls(t.db, { calls: 3, seed: 42, customers: CUSTOMERS, callIdSuffix: '-NOEMB', withoutEmbedding: true }));
    await t.db.execute(sql`analyze calls`);
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
  });

  async function similarOf(ids: string[], first?: number): Promise<{ results: Map<string, SimilarResult>; statements: number }> {
    // PGlite runs in this process: an exact scan blocks the event loop for seconds,
    // after which both ends' keep-alive timers are overdue. Letting them fire first
    // avoids sending on a socket the server is about to close (ECONNRESET).
    await new Promise((resolve) => setTimeout(resolve, 20));
    const res = await t.gql(similarQuery(ids, first));
    expect(res.body.errors).toBeUndefined();
    const results = new Map<string, SimilarResult>();
    ids.forEach((id, i) => results.set(id, res.body.data![`c${i}`].similarCalls));
    return { results, statements: res.body.extensions!.sql.statements };
  }

  it('serves the similarity statement from the HNSW index', async () => {
    const plan = await t.db.transaction(async (tx) => {
      await tx.execute(hnswSettingsSql({ efSearch: t.config.HNSW_EF_SEARCH, iterativeScan: t.config.HNSW_ITERATIVE_SCAN }));
      return queryRows<Record<string, string>>(tx, sql`explain ${similarCallsSql([{ callId: callIds[0], first: 5 }])}`);
    });
    expect(plan.map((row) => Object.values(row)[0]).join('\n')).toContain('calls_embedding_hnsw_idx');
  });

  it('finds at least 95% of the exact 5 nearest neighbours (recall@5 over 200 calls), in one batched request', async () => {
    const sources = callIds.filter((_, i) => i % 10 === 3);
    const { results, statements } = await similarOf(sources, 5);
    // call lookups (1) + HNSW settings (1) + similarity (1), for 200 calls at once
    expect(statements).toBe(3);
    const exact = await exactNeighbours(t, sources, 5);
    let found = 0;
    let perfect = 0;
    for (const source of sources) {
      const truth = exact.get(source)!;
      const got = results.get(source)!;
      expect(got).toHaveLength(5);
      // Tie-robust recall: a neighbour counts when it is as close as the exact 5th one.
      const fifth = truth[4].distance;
      found += got.filter((n) => 1 - n.similarity <= fifth + 1e-6).length;
      if (got.every((n, i) => n.call.callId === truth[i].callId)) {
        perfect += 1;
        got.forEach((n, i) => expect(n.similarity).toBeCloseTo(1 - truth[i].distance, 9));
      }
    }
    const recall = found / (5 * sources.length);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    // Where the index found the exact set, it must also give the exact order and values.
    expect(perfect).toBeGreaterThan(sources.length * 0.8);
  });

  it('excludes the call itself and orders by similarity descending, in [-1, 1], ties by callId ascending', async () => {
    const sources = callIds.slice(0, 30);
    const { results } = await similarOf(sources, 20);
    for (const source of sources) {
      const got = results.get(source)!;
      expect(got).toHaveLength(20);
      expect(got.map((n) => n.call.callId)).not.toContain(source);
      expect(new Set(got.map((n) => n.call.callId)).size).toBe(20);
      for (const [i, n] of got.entries()) {
        expect(n.similarity).toBeGreaterThanOrEqual(-1);
        expect(n.similarity).toBeLessThanOrEqual(1);
        if (i === 0) continue;
        const prev = got[i - 1];
        expect(prev.similarity).toBeGreaterThanOrEqual(n.similarity);
        if (prev.similarity === n.similarity) expect(prev.call.callId < n.call.callId).toBe(true);
      }
    }
  });

  it('never compares vectors of different embedding models, even identical ones', async () => {
    const originals = callIds.slice(0, TWINS);
    const { results } = await similarOf([...originals, ...twinIds], 20);
    for (const source of originals) {
      // The twin has the same vector (distance 0) but another model: it must not appear.
      expect(results.get(source)!.filter((n) => n.call.callId.endsWith('-M2'))).toEqual([]);
    }
    for (const twin of twinIds) {
      const got = results.get(twin)!;
      expect(got).toHaveLength(TWINS - 1);
      expect(got.every((n) => n.call.callId.endsWith('-M2') && n.call.callId !== twin)).toBe(true);
    }
  });

  it('returns [] for a call without an embedding and never offers such a call as a neighbour', async () => {
    const { results } = await similarOf(noEmbeddingIds, 20);
    for (const id of noEmbeddingIds) expect(results.get(id)).toEqual([]);
    const [{ n }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from calls where embedding is null`);
    expect(n).toBe(noEmbeddingIds.length);
    const { results: others } = await similarOf(callIds.slice(0, 20), 20);
    for (const got of others.values()) expect(got.some((x) => x.call.callId.endsWith('-NOEMB'))).toBe(false);
  });

  it('returns 5 by default and rejects first outside 1..20 with BAD_USER_INPUT naming first', async () => {
    const { results } = await similarOf([callIds[7]]);
    expect(results.get(callIds[7])).toHaveLength(5);
    for (const first of [0, 21, -3]) {
      const res = await t.gql(`{ call(callId: "${callIds[7]}") { similarCalls(first: ${first}) { similarity } } }`);
      expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
      expect(res.body.errors?.[0].message).toContain('must be an integer from 1 to 20');
    }
  });

  it('costs the same 3 statements for a page of 10 or 50 calls with similar calls and their agents and customers', async () => {
    const query = `query($first: Int) { calls(first: $first) { nodes { callId
      near: similarCalls(first: 3) { similarity call { callId agent { agentId name } customer { customerId name } } }
      far: similarCalls(first: 7) { call { callId } } } } }`;
    const counts: number[] = [];
    for (const first of [10, 50]) {
      const res = await t.gql(query, { first });
      expect(res.body.errors).toBeUndefined();
      const nodes = res.body.data!.calls.nodes as { callId: string; near: any[]; far: any[] }[];
      expect(nodes).toHaveLength(first);
      for (const node of nodes.filter((n) => !n.callId.endsWith('-NOEMB'))) {
        expect(node.near).toHaveLength(3);
        expect(node.far).toHaveLength(7);
        // Both sizes come from the same batched statement and agree with each other.
        expect(node.far.slice(0, 3).map((n) => n.call.callId)).toEqual(node.near.map((n) => n.call.callId));
        for (const n of node.near) expect(n.call.agent.name).toBeTruthy();
      }
      counts.push(res.body.extensions!.sql.statements);
    }
    // calls page (joined with people) + HNSW settings + one similarity statement for every (call, first)
    expect(counts).toEqual([3, 3]);
  });
});
