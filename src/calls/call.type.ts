import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type.js';
import { PageInfo } from '../common/page-info.type.js';
import { Agent, Customer } from '../parties/party.type.js';

export enum Speaker {
  AGENT = 'AGENT',
  CUSTOMER = 'CUSTOMER',
  OTHER = 'OTHER',
}
registerEnumType(Speaker, { name: 'Speaker' });

@ObjectType({
  simpleResolvers: true,
  description:
    "One speaker turn. Consecutive lines of the same speaker are one utterance;\na line without a 'Name:' prefix continues the previous utterance. The text\ndoes not include the prefix.",
})
export class Utterance {
  @Field(() => Int, { description: '0-based position in the call.' })
  index!: number;

  @Field(() => Speaker)
  speaker!: Speaker;

  @Field()
  text!: string;

  @Field(() => Float, { description: 'Sentiment of this turn, in [-1, 1].' })
  sentiment!: number;
}

@ObjectType({ simpleResolvers: true })
export class CallInsights {
  @Field(() => Int)
  agentWordCount!: number;

  @Field(() => Int)
  customerWordCount!: number;

  @Field(() => Int, { description: 'Number of times the speaker changes between consecutive utterances (OTHER included).' })
  speakerSwitches!: number;

  @Field(() => Int)
  longestAgentMonologueWords!: number;

  @Field(() => Int)
  longestCustomerStoryWords!: number;

  @Field(() => Int)
  agentQuestionCount!: number;

  @Field(() => Float)
  agentSentimentScore!: number;

  @Field(() => Float, { description: 'Customer sentiment of the last third of the call minus the first third.' })
  customerSentimentTrend!: number;

  @Field(() => [String], {
    description:
      'Topics detected in the call, from: pricing, competitor, discount, churn,\nnext_steps, onboarding, integration, security, legal, support.',
  })
  topics!: string[];
}

@ObjectType({ simpleResolvers: true })
export class CoachingNudge {
  @Field({ description: 'At most 40 words.' })
  text!: string;

  @Field({ description: 'What in the call triggered it, e.g. talk_ratio, sentiment, questions.' })
  category!: string;
}

/**
 * A call as resolvers pass it around: the row without its heavy text columns
 * (transcript, utterances), which load only when asked (with the call itself for `call(callId)`).
 */
@ObjectType({ simpleResolvers: true })
export class Call {
  @Field(() => ID, { description: 'Internal id (uuid).' })
  id!: string;

  @Field(() => ID)
  callId!: string;

  /** Business ids of the agent and customer below. */
  agentId!: string;
  customerId!: string;

  // Every statement that returns calls joins their agent and customer (call.projection.ts):
  // plain properties, read without a resolver call or a loader round per row.
  @Field(() => Agent)
  agent!: Agent;

  @Field(() => Customer)
  customer!: Customer;

  @Field()
  language!: string;

  @Field(() => Date)
  startTime!: Date;

  @Field(() => Int)
  durationSeconds!: number;

  @Field(() => Float, { description: 'Agent words / all words, in [0, 1].' })
  agentTalkRatio!: number;

  @Field(() => Float, { description: 'Customer sentiment, in [-1, 1].' })
  customerSentimentScore!: number;

  @Field(() => CallInsights)
  insights!: CallInsights;

  @Field(() => [CoachingNudge], { description: 'Exactly three coaching nudges, each at most 40 words.' })
  coachingNudges!: CoachingNudge[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType({ simpleResolvers: true })
export class SimilarCall {
  @Field(() => Call)
  call!: Call;

  @Field(() => Float, { description: 'Cosine similarity, in [-1, 1].' })
  similarity!: number;
}

@ObjectType({ simpleResolvers: true })
export class CallConnection extends ConnectionType(Call, 'Call', { totalCount: 'All calls that match, regardless of paging.' }) {}

@ObjectType({ simpleResolvers: true })
export class CallSearchEdge {
  @Field()
  cursor!: string;

  @Field(() => Call)
  node!: Call;

  @Field(() => Float, { description: 'Text-search rank; higher is better.' })
  rank!: number;

  @Field({ description: 'A short excerpt of the transcript around the match.' })
  headline!: string;
}

@ObjectType({ simpleResolvers: true })
export class CallSearchConnection {
  @Field(() => [CallSearchEdge])
  edges!: CallSearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  // A promise (counted only when selected): not a simple resolver, graphql-jit reads those synchronously.
  @Field(() => Int, { simple: false })
  totalCount!: Promise<number>;
}
