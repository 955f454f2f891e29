import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CallStats } from '../calls/call-stats.type.js';
import { DateScalar } from '../common/scalars.js';
import { LeaderboardOrder } from './analytics.args.js';
import type { AnalyticsQuery } from './analytics.plan.js';

registerEnumType(LeaderboardOrder, { name: 'LeaderboardOrder' });

@InputType()
export class AnalyticsFilter {
  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;

  @Field(() => [ID], { nullable: true })
  agentIds?: string[] | null;

  @Field(() => String, { nullable: true })
  language?: string | null;
}

/**
 * What AnalyticsSummary's field resolvers aggregate over: the filter, validated
 * and planned once at Query.analytics. Its fields live in analytics.resolver.ts.
 */
@ObjectType({ simpleResolvers: true })
export class AnalyticsSummary {
  prepared!: AnalyticsQuery;
}

@ArgsType()
export class LeaderboardArgs {
  @Field(() => LeaderboardOrder, { nullable: true, defaultValue: LeaderboardOrder.AVG_SENTIMENT_DESC })
  orderBy!: LeaderboardOrder;

  @Field(() => Int, { nullable: true, defaultValue: 10 })
  first!: number;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  minCalls!: number;
}

@ObjectType({ simpleResolvers: true })
export class LeaderboardEntry {
  @Field(() => Int)
  rank!: number;

  /** The `agent` field resolves it through the agent loader (primed by the leaderboard statement). */
  agentId!: string;

  @Field(() => Int)
  totalCalls!: number;

  @Field(() => Float)
  avgSentiment!: number;

  @Field(() => Float)
  avgTalkRatio!: number;

  @Field(() => Float)
  avgDurationSeconds!: number;
}

@ObjectType({ simpleResolvers: true })
export class DailyStat {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => Int)
  totalCalls!: number;

  @Field(() => Float)
  avgSentiment!: number;

  @Field(() => Float)
  avgDurationSeconds!: number;
}

@ObjectType({ simpleResolvers: true })
export class HistogramBucket {
  @Field(() => Float)
  from!: number;

  @Field(() => Float)
  to!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true })
export class LanguageStat {
  @Field()
  language!: string;

  @Field(() => Int)
  totalCalls!: number;

  @Field(() => Float)
  avgSentiment!: number;
}

@ObjectType({ simpleResolvers: true })
export class TopicStat {
  @Field()
  topic!: string;

  @Field(() => Int)
  calls!: number;

  @Field(() => Float)
  avgSentiment!: number;
}

export { CallStats };
