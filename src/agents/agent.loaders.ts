import DataLoader from 'dataloader';
import type { Database } from '../db/client.js';
import { byKeys } from '../common/loader-utils.js';
import { type AgentRecord, findAgentsByAgentIds } from './agent.repository.js';

export function createAgentLoaders(db: Database) {
  return {
    agentsByAgentId: new DataLoader<string, AgentRecord | null>(async (ids) =>
      byKeys(ids, await findAgentsByAgentIds(db, ids), (a) => a.agentId),
    ),
  };
}
