import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { CallsArgs } from '../calls/call.input.js';
import { listCallsOfParent } from '../calls/call.service.js';
import { CallConnection } from '../calls/call.type.js';
import { CallStats } from '../common/call-stats.type.js';
import { timeRange } from '../common/time-range.js';
import type { Context } from '../context.js';
import type { CustomerRecord } from './customer.repository.js';
import { getCustomer, listCustomers } from './customer.service.js';
import { Customer, CustomerConnection } from './customer.type.js';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true })
  customer(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: Context) {
    return getCustomer(ctx, customerId);
  }

  @Query(() => CustomerConnection, { description: '`search` matches customerId or name, case-insensitive substring.' })
  customers(
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return listCustomers(ctx, { search, first, after });
  }

  @FieldResolver(() => CallConnection)
  calls(@Root() customer: CustomerRecord, @Args(() => CallsArgs) args: CallsArgs, @Ctx() ctx: Context) {
    return listCallsOfParent(ctx, 'customer_id', customer.customerId, args);
  }

  @FieldResolver(() => CallStats)
  stats(
    @Root() customer: CustomerRecord,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.callStatsByCustomer.load({ parentId: customer.customerId, ...timeRange(from, to) });
  }
}
