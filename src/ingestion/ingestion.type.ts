import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ConflictPolicy {
  SKIP = 'SKIP',
  UPDATE = 'UPDATE',
}
registerEnumType(ConflictPolicy, {
  name: 'ConflictPolicy',
  valuesConfig: {
    SKIP: { description: 'Keep the stored call; count the item as skipped.' },
    UPDATE: { description: 'Replace the stored call and recompute its insights.' },
  },
});

@InputType()
export class CallInput {
  @Field(() => ID, { description: '1-50 characters of A-Z, a-z, 0-9, _ and -.' })
  callId!: string;

  @Field(() => ID)
  agentId!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => String, { nullable: true, defaultValue: 'en', description: 'A language tag such as en, es, fr, de or pt-BR.' })
  language?: string | null;

  @Field(() => Date)
  startTime!: Date;

  @Field(() => Int, { description: '1 to 14,400.' })
  durationSeconds!: number;

  @Field({
    description:
      "Turns as lines 'Agent: ...' / 'Customer: ...' (other 'Name: ...' speakers\ncount as OTHER); 10 to 200,000 characters.",
  })
  transcript!: string;

  @Field(() => String, { nullable: true, description: 'Creates the agent when it does not exist yet.' })
  agentName?: string | null;

  @Field(() => String, { nullable: true, description: 'Creates the customer when it does not exist yet.' })
  customerName?: string | null;
}

@InputType()
export class AgentInput {
  @Field(() => ID)
  agentId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@InputType()
export class CustomerInput {
  @Field(() => ID)
  customerId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class IngestionError {
  @Field(() => Int, { description: 'Position of the item in the request.' })
  index!: number;

  @Field(() => String, { nullable: true })
  callId!: string | null;

  @Field({ description: 'BAD_USER_INPUT, UNKNOWN_AGENT, UNKNOWN_CUSTOMER, ...' })
  code!: string;

  @Field()
  message!: string;
}

@ObjectType({ simpleResolvers: true })
export class IngestionResult {
  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  skipped!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => [IngestionError])
  errors!: IngestionError[];
}

@ObjectType({ simpleResolvers: true })
export class UpsertResult {
  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => [IngestionError])
  errors!: IngestionError[];
}
