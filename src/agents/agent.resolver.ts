import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { CallsArgs } from '../calls/call.input.js';
import { listCallsOfParent } from '../calls/call.service.js';
import { CallConnection } from '../calls/call.type.js';
import { CallStats } from '../common/call-stats.type.js';
import { timeRange } from '../common/time-range.js';
import type { Context } from '../context.js';
import type { AgentRecord } from './agent.repository.js';
import { getAgent, listAgents } from './agent.service.js';
import { Agent, AgentConnection } from './agent.type.js';

@Resolver(() => Agent)
export class AgentResolver {
  @Query(() => Agent, { nullable: true })
  agent(@Arg('agentId', () => ID) agentId: string, @Ctx() ctx: Context) {
    return getAgent(ctx, agentId);
  }

  @Query(() => AgentConnection, { description: '`search` matches agentId or name, case-insensitive substring.' })
  agents(
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listAgents(ctx, { search, first, after });
  }

  @FieldResolver(() => CallConnection)
  calls(@Root() agent: AgentRecord, @Args(() => CallsArgs) args: CallsArgs, @Ctx() ctx: Context) {
    return listCallsOfParent(ctx, 'agent_id', agent.agentId, args);
  }

  @FieldResolver(() => CallStats)
  stats(
    @Root() agent: AgentRecord,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.callStatsByAgent.load({ parentId: agent.agentId, ...timeRange(from, to) });
  }
}
