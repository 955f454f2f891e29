import DataLoader from 'dataloader';
import { byKeys } from '../common/loader-utils.js';
import type { Database } from '../db/client.js';
import { type AgentRecord, type CustomerRecord, findPartiesByIds } from './party.repository.js';

export function createPartyLoaders(db: Database) {
  return {
    agentsByAgentId: new DataLoader<string, AgentRecord | null>(async (ids) => byKeys(ids, await findPartiesByIds(db, 'agent', ids), (a) => a.agentId)),
    customersByCustomerId: new DataLoader<string, CustomerRecord | null>(async (ids) =>
      byKeys(ids, await findPartiesByIds(db, 'customer', ids), (c) => c.customerId),
    ),
  };
}
