import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client.js';
import { textArray } from '../db/sql.js';
import { PARTIES, type PartyKind } from './party.kind.js';

export interface AgentRecord {
  id: string;
  agentId: string;
  name: string;
  email: string | null;
}

export interface CustomerRecord {
  id: string;
  customerId: string;
  name: string;
  email: string | null;
}

/** The record of a kind: `agentId` on agents, `customerId` on customers. */
export type PartyRecord<K extends PartyKind = PartyKind> = K extends 'agent' ? AgentRecord : CustomerRecord;

interface PartyRow {
  id: string;
  business_id: string;
  name: string;
  email: string | null;
}

const columns = (kind: PartyKind): SQL => sql.raw(`id::text as id, ${PARTIES[kind].idColumn} as business_id, name, email`);
const table = (kind: PartyKind): SQL => sql.raw(PARTIES[kind].table);
const idColumn = (kind: PartyKind): SQL => sql.raw(PARTIES[kind].idColumn);

/** A record of `kind` from its columns (also used where a statement joins the party in, e.g. a call's agent). */
export function partyRecord<K extends PartyKind>(kind: K, row: PartyRow): PartyRecord<K> {
  return { id: row.id, [PARTIES[kind].idField]: row.business_id, name: row.name, email: row.email } as unknown as PartyRecord<K>;
}

export async function findPartiesByIds<K extends PartyKind>(db: Database, kind: K, ids: readonly string[]): Promise<PartyRecord<K>[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<PartyRow>(db, sql`select ${columns(kind)} from ${table(kind)} where ${idColumn(kind)} = any(${textArray(ids)})`);
  return rows.map((row) => partyRecord(kind, row));
}

/** `search` is a case-insensitive substring of the business id or the name; LIKE wildcards in it are literal. */
function searchSql(kind: PartyKind, search: string | null): SQL | undefined {
  if (search === null || search === '') return undefined;
  const pattern = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql`(${idColumn(kind)} ilike ${pattern} or name ilike ${pattern})`;
}

export interface PartyPageQuery {
  search: string | null;
  afterId: string | null;
  limit: number;
}

/** A page ordered by business id ascending (unique, so the keyset needs no tie-break). */
export async function findPartyPage<K extends PartyKind>(db: Database, kind: K, query: PartyPageQuery): Promise<PartyRecord<K>[]> {
  const parts = [searchSql(kind, query.search), query.afterId !== null ? sql`${idColumn(kind)} > ${query.afterId}` : undefined].filter(
    (p): p is SQL => p !== undefined,
  );
  const where = parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``;
  const rows = await queryRows<PartyRow>(
    db,
    sql`select ${columns(kind)} from ${table(kind)} ${where} order by ${idColumn(kind)} limit ${query.limit}`,
  );
  return rows.map((row) => partyRecord(kind, row));
}

export async function countParties(db: Database, kind: PartyKind, search: string | null): Promise<number> {
  const where = searchSql(kind, search);
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${table(kind)} ${where ? sql`where ${where}` : sql``}`);
  return row?.n ?? 0;
}
