import { Arg, type ClassType, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { PARTIES, type PartyKind } from './party.kind.js';
import { getParty, listParties } from './party.service.js';
import { Agent, AgentConnection, Customer, CustomerConnection } from './party.type.js';

/**
 * Agents and customers expose the same queries (one by id, a searchable
 * list); each kind extends this base with its own types. Their `calls` and
 * `stats` fields are about calls and live in calls/party-calls.resolver.ts.
 * type-graphql emits only the subclasses.
 */
function PartyResolverBase(kind: PartyKind, nodeType: ClassType, connectionType: ClassType) {
  @Resolver(() => nodeType)
  abstract class PartyResolver {
    @Query(() => nodeType, { name: kind, nullable: true })
    one(@Arg(PARTIES[kind].idField, () => ID) id: string, @Ctx() ctx: Context) {
      return getParty(ctx, kind, id);
    }

    @Query(() => connectionType, { name: PARTIES[kind].plural, description: `\`search\` matches ${kind}Id or name, case-insensitive substring.` })
    many(
      @Arg('search', () => String, { nullable: true }) search: string | null,
      @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
      @Arg('after', () => String, { nullable: true }) after: string | null,
      @Ctx() ctx: Context,
    ) {
      return listParties(ctx, kind, { search, first, after });
    }
  }
  return PartyResolver;
}

@Resolver(() => Agent)
export class AgentResolver extends PartyResolverBase('agent', Agent, AgentConnection) {}

@Resolver(() => Customer)
export class CustomerResolver extends PartyResolverBase('customer', Customer, CustomerConnection) {}
