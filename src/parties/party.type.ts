import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type.js';

@ObjectType({ simpleResolvers: true })
export class Agent {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  agentId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class AgentConnection extends ConnectionType(Agent, 'Agent') {}

@ObjectType({ simpleResolvers: true })
export class Customer {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  customerId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class CustomerConnection extends ConnectionType(Customer, 'Customer') {}
