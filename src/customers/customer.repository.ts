import type { Database } from '../db/client.js';
import { countParties, findPartiesByIds, findPartyPage, type PartyRow, type PartyTable } from '../common/party.repository.js';

export interface CustomerRecord {
  id: string;
  customerId: string;
  name: string;
  email: string | null;
}

export const CUSTOMERS: PartyTable = { table: 'customers', idColumn: 'customer_id' };

const toCustomer = (row: PartyRow): CustomerRecord => ({ id: row.id, customerId: row.businessId, name: row.name, email: row.email });

export async function findCustomersByCustomerIds(db: Database, customerIds: readonly string[]): Promise<CustomerRecord[]> {
  return (await findPartiesByIds(db, CUSTOMERS, customerIds)).map(toCustomer);
}

export async function findCustomerPage(db: Database, query: { search: string | null; afterId: string | null; limit: number }) {
  return (await findPartyPage(db, CUSTOMERS, query)).map(toCustomer);
}

export const countCustomers = (db: Database, search: string | null) => countParties(db, CUSTOMERS, search);
