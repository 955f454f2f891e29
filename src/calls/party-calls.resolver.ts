import { Arg, Args, type ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import type { PartyKind } from '../parties/party.kind.js';
import type { PartyRecord } from '../parties/party.repository.js';
import { businessIdOf } from '../parties/party.service.js';
import { Agent, Customer } from '../parties/party.type.js';
import { CallStats } from './call-stats.type.js';
import { CallsArgs } from './call.input.js';
import { getCallStatsOfParty, listCallsOfParty } from './call.service.js';
import { CallConnection } from './call.type.js';

/**
 * `Agent.calls`, `Agent.stats` and their Customer twins: fields about calls,
 * added to the party types the way search/similar.resolver.ts adds
 * `Call.similarCalls`. Siblings batch through the call loaders.
 */
function PartyCallsResolverBase<K extends PartyKind>(kind: K, nodeType: ClassType) {
  @Resolver(() => nodeType)
  abstract class PartyCallsResolver {
    @FieldResolver(() => CallConnection)
    calls(@Root() party: PartyRecord<K>, @Args(() => CallsArgs) args: CallsArgs, @Ctx() ctx: Context) {
      return listCallsOfParty(ctx, kind, businessIdOf(kind, party), args);
    }

    @FieldResolver(() => CallStats)
    stats(
      @Root() party: PartyRecord<K>,
      @Arg('from', () => Date, { nullable: true }) from: Date | null,
      @Arg('to', () => Date, { nullable: true }) to: Date | null,
      @Ctx() ctx: Context,
    ) {
      return getCallStatsOfParty(ctx, kind, businessIdOf(kind, party), from, to);
    }
  }
  return PartyCallsResolver;
}

@Resolver(() => Agent)
export class AgentCallsResolver extends PartyCallsResolverBase('agent', Agent) {}

@Resolver(() => Customer)
export class CustomerCallsResolver extends PartyCallsResolverBase('customer', Customer) {}
