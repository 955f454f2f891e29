import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { CallFilterInput } from './call.filter.js';
import { CallOrder } from './call.order.js';

registerEnumType(CallOrder, { name: 'CallOrder' });

@InputType()
export class CallFilter implements CallFilterInput {
  @Field(() => ID, { nullable: true })
  agentId?: string | null;

  @Field(() => [ID], { nullable: true })
  agentIds?: string[] | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => Date, { nullable: true, description: 'Inclusive lower bound on startTime.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive upper bound on startTime.' })
  to?: Date | null;

  @Field(() => Float, { nullable: true })
  minSentiment?: number | null;

  @Field(() => Float, { nullable: true })
  maxSentiment?: number | null;

  @Field(() => Int, { nullable: true })
  minDurationSeconds?: number | null;

  @Field(() => Int, { nullable: true })
  maxDurationSeconds?: number | null;

  @Field(() => Float, { nullable: true })
  minTalkRatio?: number | null;

  @Field(() => Float, { nullable: true })
  maxTalkRatio?: number | null;
}

/** The arguments of every call list: Query.calls, Agent.calls, Customer.calls. */
@ArgsType()
export class CallsArgs {
  @Field(() => CallFilter, { nullable: true })
  filter?: CallFilter | null;

  @Field(() => CallOrder, { nullable: true, defaultValue: CallOrder.START_TIME_DESC })
  orderBy!: CallOrder;

  @Field(() => Int, { nullable: true, defaultValue: 50 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { nullable: true })
  offset?: number | null;
}

@ArgsType()
export class SearchCallsArgs {
  @Field(() => String)
  query!: string;

  @Field(() => CallFilter, { nullable: true })
  filter?: CallFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
