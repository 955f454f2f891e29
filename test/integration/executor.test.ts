import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';
import { insertFixtures } from '../support/sql-fixtures.js';

/**
 * The gateway runs operations through graphql-jit (GRAPHQL_EXECUTOR=jit, the
 * default). graphql-js is the reference: the same operations, sent to a
 * second gateway on the same database that interprets them with graphql-js,
 * must get byte-for-byte the same answers, errors included (error ids aside).
 */
const OPERATIONS: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: 'a list with aliases, fragments, directives and nested connections',
    query: `query($first: Int!, $withCustomer: Boolean!, $skipTalk: Boolean!) {
      recent: calls(first: $first) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { ...CallBits customer @include(if: $withCustomer) { customerId name } } } }
      longest: calls(first: 3, orderBy: DURATION_DESC) { nodes { callId durationSeconds agentTalkRatio @skip(if: $skipTalk) } }
      agents(first: 2) { nodes { agentId name email stats { totalCalls avgSentiment } calls(first: 2) { totalCount nodes { callId __typename } } } }
    }
    fragment CallBits on Call { __typename id callId language startTime createdAt updatedAt customerSentimentScore agent { agentId name } }`,
    variables: { first: 7, withCustomer: true, skipTalk: true },
  },
  {
    name: 'one call with its insights, nudges, utterances and similar calls',
    query: `query($c: ID!) { call(callId: $c) { callId transcript insights { topics agentWordCount customerSentimentTrend }
      coachingNudges { text category } utterances { index speaker text sentiment } similarCalls(first: 3) { similarity call { callId } } } }`,
    variables: { c: 'CALL-000003' },
  },
  { name: 'a call that does not exist', query: 'query($c: ID!) { call(callId: $c) { callId } }', variables: { c: 'no-such-call' } },
  {
    name: 'analytics and the leaderboard',
    query: '{ analytics { totalCalls avgSentiment agentLeaderboard(first: 3) { rank totalCalls avgSentiment agent { name } } daily { day calls } } }',
  },
  { name: 'search', query: 'query($q: String!) { searchCalls(query: $q, first: 3) { totalCount edges { rank headline node { callId } } } }', variables: { q: 'pricing' } },
  { name: 'a bad argument', query: '{ calls(first: 1000) { nodes { callId } } }' },
  { name: 'a malformed DateTime variable', query: 'query($f: DateTime) { calls(filter: { from: $f }) { nodes { callId } } }', variables: { f: 'yesterday' } },
  { name: 'a missing required variable', query: 'query($c: ID!) { call(callId: $c) { callId } }', variables: {} },
  { name: 'a variable of the wrong type', query: 'query($n: Int) { calls(first: $n) { nodes { callId } } }', variables: { n: 'seven' } },
  { name: 'an unknown field', query: '{ calls { nodes { nope } } }' },
  { name: 'introspection', query: '{ __schema { queryType { name } } __type(name: "Call") { fields { name } } }' },
  {
    name: 'a mutation with invalid input',
    query: 'mutation { upsertAgents(agents: [{ agentId: "", name: "x" }]) { received failed errors { index code message } } }',
  },
];

const [mode] = testModes.filter((m) => m === 'postgres');

describe.runIf(mode)('the graphql-jit executor answers as graphql-js does', () => {
  let jit: TestParley;
  let reference: TestParley;

  beforeAll(async () => {
    jit = await startTestParley('postgres');
    await insertFixtures(jit.db, { agents: 4, customers: 6, calls: 40, seed: 11 });
    reference = await startTestParley('postgres', { DATABASE_URL: jit.config.DATABASE_URL!, GRAPHQL_EXECUTOR: 'graphql-js' });
  });
  afterAll(async () => {
    await reference?.stop();
    await jit?.stop();
  });

  const comparable = (body: unknown) => JSON.stringify(body).replace(/errorId [0-9a-f-]{36}|"errorId":"[0-9a-f-]{36}"/g, 'ERRORID');

  it.each(OPERATIONS)('$name', async ({ query, variables }) => {
    const [a, b] = [await jit.gql(query, variables), await reference.gql(query, variables)];
    expect(a.status).toBe(b.status);
    expect(comparable(a.body)).toBe(comparable(b.body));
    if (query.includes('upsertAgents')) expect(a.body.data?.upsertAgents.errors).toHaveLength(1);
  });

  it('runs each distinct operation correctly again and again (the compiled plan is reused)', async () => {
    const query = 'query($first: Int!) { calls(first: $first) { nodes { callId agent { name } } } }';
    const expected = (await reference.gql(query, { first: 5 })).body;
    for (let i = 0; i < 5; i++) expect((await jit.gql(query, { first: 5 })).body).toEqual(expected);
    expect((await jit.gql(query, { first: 2 })).body).toEqual((await reference.gql(query, { first: 2 })).body);
  });
});
