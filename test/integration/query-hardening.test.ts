import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCalls } from '../../src/synthetic/generator.js';
import { startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';
import { insertFixtures } from '../support/sql-fixtures.js';

const NUL = 'bad\u0000value';

/** One string argument of the API (or a string field of an input argument) and where it sits. */
interface StringArgument {
  /** Root field, and for nested cases the object field below `agents`/`customers` nodes. */
  root: string;
  nested?: string;
  /** `callId`, `filter.agentId`, `filter.agentIds` … */
  path: string;
  list: boolean;
}

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
const isText = (type: GraphQLInputType) => isScalarType(getNamedType(type)) && ['String', 'ID'].includes(getNamedType(type).name);
const isList = (type: GraphQLInputType) => isListType(isNonNullType(type) ? type.ofType : type);

/** Every String/ID argument, and every String/ID field of an input-object argument, of a field. */
function stringArguments(field: GraphQLField<unknown, unknown>): { path: string; list: boolean }[] {
  return field.args.flatMap((arg: GraphQLArgument) => {
    const named = getNamedType(arg.type);
    if (isText(arg.type)) return [{ path: arg.name, list: isList(arg.type) }];
    if (isInputObjectType(named)) {
      return Object.values(named.getFields())
        .filter((f) => isText(f.type))
        .map((f) => ({ path: `${arg.name}.${f.name}`, list: isList(f.type) }));
    }
    return [];
  });
}

/** Read cases: every string argument of Query, and of the Agent/Customer fields reached through their lists. */
function readCases(): StringArgument[] {
  const query = schema.getQueryType()!;
  const cases: StringArgument[] = [];
  for (const field of Object.values(query.getFields())) {
    for (const arg of stringArguments(field)) cases.push({ root: field.name, ...arg });
  }
  for (const [root, typeName] of [
    ['agents', 'Agent'],
    ['customers', 'Customer'],
  ] as const) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of stringArguments(field)) cases.push({ root, nested: field.name, ...arg });
    }
  }
  return cases;
}

/** Valid values for the required arguments a case does not test. */
const REQUIRED: Record<string, string> = { callId: 'CALL-000001', agentId: 'AGENT-000', customerId: 'CUST-00000', query: 'renewal' };

/** What to select so the resolvers behind a field really run (lists, counts, field resolvers). */
function selection(root: string, nested?: string): string {
  if (nested) return nested === 'stats' ? '{ totalCalls }' : '{ totalCount nodes { callId } }';
  switch (root) {
    case 'call':
      return '{ callId }';
    case 'agent':
    case 'customer':
      return '{ id name }';
    case 'analytics':
      return '{ totals { totalCalls } agentLeaderboard { rank } languages { language } topics { topic } daily { date } sentimentHistogram { count } }';
    case 'searchCalls':
      return '{ totalCount edges { cursor } }';
    default:
      return '{ totalCount edges { cursor } }';
  }
}

/** An operation that sends NUL in exactly one place, through a variable. */
function operation(c: StringArgument): { query: string; variables: Record<string, unknown> } {
  const field = c.nested ? schema.getType(c.root === 'agents' ? 'Agent' : 'Customer') : schema.getQueryType();
  const args = (field as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[c.nested ?? c.root].args;
  const [argName, inner] = c.path.split('.');
  const value = c.list ? [NUL] : NUL;
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const arg of args) {
    if (arg.name === argName) {
      declared.push(`$v: ${String(arg.type)}`);
      variables.v = inner ? { [inner]: value } : value;
      passed.push(`${arg.name}: $v`);
    } else if (isNonNullType(arg.type) && arg.defaultValue === undefined) {
      passed.push(`${arg.name}: ${JSON.stringify(REQUIRED[arg.name] ?? 'x')}`);
    }
  }
  const call = `${c.nested ?? c.root}(${passed.join(', ')}) ${selection(c.root, c.nested)}`;
  const body = c.nested ? `${c.root}(first: 2) { nodes { ${call} } }` : call;
  return { query: `query(${declared.join(', ')}) { ${body} }`, variables };
}

describe.each(testModes)('hostile query input on the %s database', (mode) => {
  let t: TestParley;

  beforeAll(async () => {
    t = await startTestParley(mode, { NODE_ENV: 'development' });
    await insertFixtures(t.db, { agents: 4, customers: 6, calls: 60, seed: 9 });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('finds at least the string arguments the contract has today', () => {
    const paths = readCases().map((c) => `${c.root}${c.nested ? `.${c.nested}` : ''}(${c.path})`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'call(callId)',
        'agent(agentId)',
        'customer(customerId)',
        'agents(search)',
        'agents(after)',
        'calls(filter.agentId)',
        'calls(filter.agentIds)',
        'calls(filter.language)',
        'searchCalls(query)',
        'analytics(filter.agentIds)',
        'analytics(filter.language)',
        'agents.calls(filter.customerId)',
        'customers.calls(after)',
      ]),
    );
  });

  it('answers NUL in every string argument with not-found or BAD_USER_INPUT naming it, never INTERNAL_SERVER_ERROR', async () => {
    const failures: string[] = [];
    for (const c of readCases()) {
      const { query, variables } = operation(c);
      const res = await t.gql(query, variables);
      const errors = res.body.errors ?? [];
      const label = `${c.root}${c.nested ? `.${c.nested}` : ''}(${c.path})`;
      if (errors.length === 0) {
        // Lookups of an id that cannot exist: simply not found.
        if (!['call', 'agent', 'customer'].includes(c.root) || (res.body.data as Record<string, unknown>)[c.root] !== null) failures.push(`${label}: no error and not null`);
        continue;
      }
      const [error] = errors;
      const argument = c.path === 'after' || c.path.endsWith('.after') ? 'after' : c.path;
      if (error.extensions?.code !== 'BAD_USER_INPUT' || error.extensions?.argument !== argument) {
        failures.push(`${label}: ${error.extensions?.code} ${error.extensions?.argument} ${error.message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers NUL in inline literals the same way', async () => {
    expect((await t.gql('{ call(callId: "a\\u0000b") { callId } }')).body.data).toEqual({ call: null });
    expect((await t.gql('{ agent(agentId: "a\\u0000b") { name } }')).body.data).toEqual({ agent: null });
    const res = await t.gql('{ calls(filter: { language: "e\\u0000n" }) { totalCount } }');
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.language' });
  });

  it('rejects forged cursors of the right kind with BAD_USER_INPUT on after, and never restarts from page 1', async () => {
    const forge = (cursor: string, value: unknown, id?: unknown) => {
      const [kind, , realId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, unknown, string];
      return Buffer.from(JSON.stringify([kind, value, id ?? realId])).toString('base64url');
    };
    const cursorOf = async (orderBy: string) =>
      (await t.gql(`{ calls(first: 2, orderBy: ${orderBy}) { pageInfo { endCursor } } }`)).body.data!.calls.pageInfo.endCursor as string;
    const cases: [string, string][] = [
      ['START_TIME_DESC', forge(await cursorOf('START_TIME_DESC'), 'garbage')],
      ['START_TIME_ASC', forge(await cursorOf('START_TIME_ASC'), '0000-01-01T00:00:00.000000Z')],
      ['START_TIME_DESC', forge(await cursorOf('START_TIME_DESC'), 12)],
      ['DURATION_DESC', forge(await cursorOf('DURATION_DESC'), 1e15)],
      ['DURATION_ASC', forge(await cursorOf('DURATION_ASC'), 1.5)],
      ['SENTIMENT_DESC', forge(await cursorOf('SENTIMENT_DESC'), 'abc')],
      ['SENTIMENT_ASC', forge(await cursorOf('SENTIMENT_ASC'), 0.5, 'x\u0000y')],
    ];
    for (const [orderBy, after] of cases) {
      const res = await t.gql('query($a: String, $o: CallOrder) { calls(first: 2, orderBy: $o, after: $a) { nodes { callId } } }', { a: after, o: orderBy });
      expect(res.body.errors?.[0]?.extensions, `${orderBy} ${Buffer.from(after, 'base64url').toString()}`).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    }
    const agents = (await t.gql('{ agents(first: 1) { pageInfo { endCursor } } }')).body.data!.agents.pageInfo.endCursor as string;
    const res = await t.gql('query($a: String) { agents(first: 1, after: $a) { nodes { agentId } } }', { a: forge(agents, 42) });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('rejects a forged search cursor whose rank float4 cannot hold', async () => {
    const page = await t.gql('{ searchCalls(query: "renewal", first: 2) { pageInfo { endCursor } } }');
    const cursor = page.body.data!.searchCalls.pageInfo.endCursor as string;
    for (const rank of ['1e400', '1e-50', 'NaN', '-1e39']) {
      const [kind, , id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string, string];
      const after = Buffer.from(JSON.stringify([kind, rank, id])).toString('base64url');
      const res = await t.gql('query($a: String) { searchCalls(query: "renewal", first: 2, after: $a) { edges { cursor } } }', { a: after });
      expect(res.body.errors?.[0]?.extensions, rank).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    }
  });

  it('compares the language filter in the canonical case ingestion stores', async () => {
    const [call] = [...generateCalls({ calls: 1, seed: 77, until: new Date(Date.now() - 60_000) })];
    const ingest = await t.gql('mutation($c: [CallInput!]!) { ingestCalls(calls: $c) { inserted } }', { c: [{ ...call, callId: 'LANG-PT-BR', language: 'PT-br' }] });
    expect(ingest.body.data!.ingestCalls.inserted).toBe(1);
    for (const language of ['PT-br', 'pt-BR', 'pt-br']) {
      const res = await t.gql(
        `query($l: String) { calls(filter: { language: $l }) { totalCount nodes { language } }
           live: analytics(filter: { language: $l, from: "2000-01-01T00:00:01Z" }) { totals { totalCalls } } }`,
        { l: language },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.calls).toEqual({ totalCount: 1, nodes: [{ language: 'pt-BR' }] });
      expect(res.body.data!.live.totals.totalCalls).toBe(1);
    }
    const bad = await t.gql('{ calls(filter: { language: "not a tag" }) { totalCount } }');
    expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.language' });
  });

  it('answers a malformed JSON body with a GraphQL-shaped 400 and no stack or paths', async () => {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    expect(text).not.toMatch(/node_modules|\/src\/|at [A-Za-z]/);
  });

  it('answers a body over the limit with a GraphQL-shaped 413', async () => {
    const small = await startTestParley(mode, { GRAPHQL_BODY_LIMIT: '1kb', NODE_ENV: 'development' });
    try {
      const body = JSON.stringify({ query: `{ calls(first: 1) { totalCount } }`, variables: { pad: 'x'.repeat(4_000) } });
      const res = await fetch(`${small.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(413);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'The request body is larger than the limit of 1024 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      expect(text).not.toMatch(/node_modules|\/src\/|at [A-Za-z]/);
    } finally {
      await small.stop();
    }
  });
});
