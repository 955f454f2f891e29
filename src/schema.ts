import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AnalyticsResolver, LeaderboardEntryResolver } from './analytics/analytics.resolver.js';
import { CallResolver } from './calls/call.resolver.js';
import { AgentCallsResolver, CustomerCallsResolver } from './calls/party-calls.resolver.js';
import { DateTimeScalar } from './common/scalars.js';
import { IngestionResolver } from './ingestion/ingestion.resolver.js';
import { AgentResolver, CustomerResolver } from './parties/party.resolver.js';
import { SearchResolver } from './search/search.resolver.js';
import { SimilarCallsResolver } from './search/similar.resolver.js';

/** Every resolver class of the API; a new domain adds its resolver here. */
export const RESOLVERS = [
  CallResolver,
  AgentResolver,
  CustomerResolver,
  AgentCallsResolver,
  CustomerCallsResolver,
  AnalyticsResolver,
  LeaderboardEntryResolver,
  IngestionResolver,
  SearchResolver,
  SimilarCallsResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema (built once per process: type-graphql's metadata is global). */
export function buildParleySchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...RESOLVERS],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Arguments are validated by the services, with errors that name the argument.
    validate: false,
  });
  return built;
}

/** The SDL committed as schema.graphql: sorted, so it only changes when the API does. */
export function printParleySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export async function emitSchemaFile(path: string): Promise<void> {
  writeFileSync(path, printParleySchema(await buildParleySchema()));
}
