import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Averages are null when there are no calls.' })
export class CallStats {
  @Field(() => Int)
  totalCalls!: number;

  @Field(() => Float, { nullable: true })
  avgSentiment!: number | null;

  @Field(() => Float, { nullable: true })
  avgTalkRatio!: number | null;

  @Field(() => Float, { nullable: true })
  avgDurationSeconds!: number | null;

  @Field(() => Date, { nullable: true })
  firstCallAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastCallAt!: Date | null;
}
