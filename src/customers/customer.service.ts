import type { Context } from '../context.js';
import { listParties, type PartyListArgs } from '../common/party.service.js';
import { type CustomerRecord, countCustomers, findCustomerPage } from './customer.repository.js';

export function getCustomer(ctx: Context, customerId: string): Promise<CustomerRecord | null> {
  return ctx.loaders.customersByCustomerId.load(customerId);
}

export function listCustomers(ctx: Context, args: PartyListArgs) {
  return listParties<CustomerRecord>(
    ctx,
    'customer',
    args,
    (c) => c.customerId,
    (q) => findCustomerPage(ctx.db, q),
    (search) => countCustomers(ctx.db, search),
  );
}
