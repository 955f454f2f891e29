import DataLoader from 'dataloader';
import type { Database } from '../db/client.js';
import { byKeys } from '../common/loader-utils.js';
import { type CustomerRecord, findCustomersByCustomerIds } from './customer.repository.js';

export function createCustomerLoaders(db: Database) {
  return {
    customersByCustomerId: new DataLoader<string, CustomerRecord | null>(async (ids) =>
      byKeys(ids, await findCustomersByCustomerIds(db, ids), (c) => c.customerId),
    ),
  };
}
