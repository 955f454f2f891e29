import type DataLoader from 'dataloader';
import { Arg, Args, type ClassType, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ParentColumn, StatsKey } from '../calls/call.loaders.js';
import { CallsArgs } from '../calls/call.input.js';
import { listCallsOfParent } from '../calls/call.service.js';
import { CallConnection } from '../calls/call.type.js';
import type { CallStatsRecord } from '../calls/call-stats.repository.js';
import type { Context } from '../context.js';
import { CallStats } from './call-stats.type.js';
import type { PartyListArgs } from './party.service.js';
import { timeRange } from './time-range.js';

export interface PartyResolverOptions<TRecord> {
  /** `agent` or `customer`: names the queries (`agent`, `agents`) and the id argument (`agentId`). */
  kind: 'agent' | 'customer';
  nodeType: ClassType;
  connectionType: ClassType;
  column: ParentColumn;
  idOf: (record: TRecord) => string;
  get: (ctx: Context, id: string) => Promise<TRecord | null>;
  list: (ctx: Context, args: PartyListArgs) => Promise<unknown>;
  statsLoader: (ctx: Context) => DataLoader<StatsKey, CallStatsRecord, string>;
}

/**
 * Agents and customers expose the same API (one by id, a searchable list,
 * their calls and their call stats); each domain extends this base with its
 * own types, names and services. type-graphql emits only the subclasses.
 */
export function PartyResolverBase<TRecord>(o: PartyResolverOptions<TRecord>) {
  @Resolver(() => o.nodeType)
  abstract class PartyResolver {
    @Query(() => o.nodeType, { name: o.kind, nullable: true })
    one(@Arg(`${o.kind}Id`, () => ID) id: string, @Ctx() ctx: Context) {
      return o.get(ctx, id);
    }

    @Query(() => o.connectionType, { name: `${o.kind}s`, description: `\`search\` matches ${o.kind}Id or name, case-insensitive substring.` })
    many(
      @Arg('search', () => String, { nullable: true }) search: string | null,
      @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
      @Arg('after', () => String, { nullable: true }) after: string | null,
      @Ctx() ctx: Context,
    ) {
      return o.list(ctx, { search, first, after });
    }

    @FieldResolver(() => CallConnection)
    calls(@Root() party: TRecord, @Args(() => CallsArgs) args: CallsArgs, @Ctx() ctx: Context) {
      return listCallsOfParent(ctx, o.column, o.idOf(party), args);
    }

    @FieldResolver(() => CallStats)
    stats(
      @Root() party: TRecord,
      @Arg('from', () => Date, { nullable: true }) from: Date | null,
      @Arg('to', () => Date, { nullable: true }) to: Date | null,
      @Ctx() ctx: Context,
    ) {
      return o.statsLoader(ctx).load({ parentId: o.idOf(party), ...timeRange(from, to) });
    }
  }
  return PartyResolver;
}
