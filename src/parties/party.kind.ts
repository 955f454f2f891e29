/**
 * Agents and customers are the two kinds of party: the same shape (internal
 * id, business id, name, email) under different names. This is the one place
 * those names are spelled; everything else derives them from the kind.
 */
export type PartyKind = 'agent' | 'customer';

export interface PartyNames {
  kind: PartyKind;
  /** The business-id field of the API and of ingestion items: `agentId`. */
  idField: 'agentId' | 'customerId';
  /** The list query and the upsert argument: `agents`. */
  plural: 'agents' | 'customers';
  /** The table and its business-id column. */
  table: 'agents' | 'customers';
  idColumn: 'agent_id' | 'customer_id';
}

export const PARTIES: { readonly [K in PartyKind]: PartyNames & { kind: K } } = {
  agent: { kind: 'agent', idField: 'agentId', plural: 'agents', table: 'agents', idColumn: 'agent_id' },
  customer: { kind: 'customer', idField: 'customerId', plural: 'customers', table: 'customers', idColumn: 'customer_id' },
};

export const PARTY_KINDS: readonly PartyKind[] = ['agent', 'customer'];
