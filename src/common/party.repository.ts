import { type SQL, sql } from 'drizzle-orm';
import { textArray } from '../calls/call.query.js';
import { type Database, queryRows } from '../db/client.js';

/**
 * Agents and customers are the same shape (internal id, business id, name,
 * email); this is their one repository, parameterised by table.
 */
export interface PartyTable {
  table: 'agents' | 'customers';
  idColumn: 'agent_id' | 'customer_id';
}

export interface PartyRow {
  id: string;
  businessId: string;
  name: string;
  email: string | null;
}

function columns(t: PartyTable): SQL {
  return sql.raw(`id::text as id, ${t.idColumn} as business_id, name, email`);
}

function toParty(row: { id: string; business_id: string; name: string; email: string | null }): PartyRow {
  return { id: row.id, businessId: row.business_id, name: row.name, email: row.email };
}

export async function findPartiesByIds(db: Database, t: PartyTable, ids: readonly string[]): Promise<PartyRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: string; business_id: string; name: string; email: string | null }>(
    db,
    sql`select ${columns(t)} from ${sql.raw(t.table)} where ${sql.raw(t.idColumn)} = any(${textArray(ids)})`,
  );
  return rows.map(toParty);
}

/** `search` is a case-insensitive substring of the business id or the name; LIKE wildcards in it are literal. */
function searchSql(t: PartyTable, search: string | null): SQL | undefined {
  if (search === null || search === '') return undefined;
  const pattern = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql`(${sql.raw(t.idColumn)} ilike ${pattern} or name ilike ${pattern})`;
}

/** A page ordered by business id ascending (unique, so the keyset needs no tie-break). */
export async function findPartyPage(
  db: Database,
  t: PartyTable,
  query: { search: string | null; afterId: string | null; limit: number },
): Promise<PartyRow[]> {
  const parts = [searchSql(t, query.search), query.afterId !== null ? sql`${sql.raw(t.idColumn)} > ${query.afterId}` : undefined].filter(
    (p): p is SQL => p !== undefined,
  );
  const where = parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``;
  const rows = await queryRows<{ id: string; business_id: string; name: string; email: string | null }>(
    db,
    sql`select ${columns(t)} from ${sql.raw(t.table)} ${where} order by ${sql.raw(t.idColumn)} limit ${query.limit}`,
  );
  return rows.map(toParty);
}

export async function countParties(db: Database, t: PartyTable, search: string | null): Promise<number> {
  const where = searchSql(t, search);
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.raw(t.table)} ${where ? sql`where ${where}` : sql``}`,
  );
  return row?.n ?? 0;
}
