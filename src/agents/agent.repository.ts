import type { Database } from '../db/client.js';
import { countParties, findPartiesByIds, findPartyPage, type PartyRow, type PartyTable } from '../common/party.repository.js';

export interface AgentRecord {
  id: string;
  agentId: string;
  name: string;
  email: string | null;
}

export const AGENTS: PartyTable = { table: 'agents', idColumn: 'agent_id' };

const toAgent = (row: PartyRow): AgentRecord => ({ id: row.id, agentId: row.businessId, name: row.name, email: row.email });

export async function findAgentsByAgentIds(db: Database, agentIds: readonly string[]): Promise<AgentRecord[]> {
  return (await findPartiesByIds(db, AGENTS, agentIds)).map(toAgent);
}

export async function findAgentPage(db: Database, query: { search: string | null; afterId: string | null; limit: number }) {
  return (await findPartyPage(db, AGENTS, query)).map(toAgent);
}

export const countAgents = (db: Database, search: string | null) => countParties(db, AGENTS, search);
