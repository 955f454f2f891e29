import type { Context } from '../context.js';
import { listParties, type PartyListArgs } from '../common/party.service.js';
import { type AgentRecord, countAgents, findAgentPage } from './agent.repository.js';

export function getAgent(ctx: Context, agentId: string): Promise<AgentRecord | null> {
  return ctx.loaders.agentsByAgentId.load(agentId);
}

export function listAgents(ctx: Context, args: PartyListArgs) {
  return listParties<AgentRecord>(
    ctx,
    'agent',
    args,
    (a) => a.agentId,
    (q) => findAgentPage(ctx.db, q),
    (search) => countAgents(ctx.db, search),
  );
}
