import { Resolver } from 'type-graphql';
import { PartyResolverBase } from '../common/party.resolver.js';
import type { CustomerRecord } from './customer.repository.js';
import { getCustomer, listCustomers } from './customer.service.js';
import { Customer, CustomerConnection } from './customer.type.js';

@Resolver(() => Customer)
export class CustomerResolver extends PartyResolverBase<CustomerRecord>({
  kind: 'customer',
  nodeType: Customer,
  connectionType: CustomerConnection,
  column: 'customer_id',
  idOf: (c) => c.customerId,
  get: getCustomer,
  list: listCustomers,
  statsLoader: (ctx) => ctx.loaders.callStatsByCustomer,
}) {}
