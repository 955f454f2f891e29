import { Resolver } from 'type-graphql';
import { PartyResolverBase } from '../common/party.resolver.js';
import type { AgentRecord } from './agent.repository.js';
import { getAgent, listAgents } from './agent.service.js';
import { Agent, AgentConnection } from './agent.type.js';

@Resolver(() => Agent)
export class AgentResolver extends PartyResolverBase<AgentRecord>({
  kind: 'agent',
  nodeType: Agent,
  connectionType: AgentConnection,
  column: 'agent_id',
  idOf: (a) => a.agentId,
  get: getAgent,
  list: listAgents,
  statsLoader: (ctx) => ctx.loaders.callStatsByAgent,
}) {}
