import postgres from 'postgres';

/*
 * The benchmarks' `--database-url` names the database they work in, never an
 * admin connection: a database cannot be created, nor dropped, from a
 * connection to itself (3D000 when it does not exist yet, 55006 "cannot drop
 * the currently open database"). So they create and drop it from the same
 * server's `postgres` maintenance database, with the URL's user and password.
 */

/** Databases no benchmark may drop or take over. */
const PROTECTED = new Set(['postgres', 'template0', 'template1']);

/** The database name in `url` and the URL of the same server's `postgres` database. */
export function scratchDatabase(url: string): { name: string; maintenanceUrl: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!name) throw new Error(`the database URL names no database: ${redactUrl(url)}`);
  if (PROTECTED.has(name)) throw new Error(`refusing to use the "${name}" database as a benchmark database`);
  parsed.pathname = '/postgres';
  return { name, maintenanceUrl: parsed.toString() };
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function withMaintenance<T>(url: string, run: (admin: postgres.Sql, name: string) => Promise<T>): Promise<T> {
  const { name, maintenanceUrl } = scratchDatabase(url);
  const admin = postgres(maintenanceUrl, { max: 1, onnotice: () => {} });
  try {
    return await run(admin, name);
  } finally {
    await admin.end();
  }
}

/** Drops the database of `url` (closing its connections) and creates it empty. */
export async function recreateDatabase(url: string): Promise<void> {
  await withMaintenance(url, async (admin, name) => {
    await admin.unsafe(`drop database if exists ${quoteIdentifier(name)} with (force)`);
    await admin.unsafe(`create database ${quoteIdentifier(name)}`);
  });
}

/** Creates the database of `url` when it does not exist; keeps it (and its data) otherwise. */
export async function ensureDatabase(url: string): Promise<void> {
  await withMaintenance(url, async (admin, name) => {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin.unsafe(`create database ${quoteIdentifier(name)}`);
  });
}

/** The URL without its user and password, for output. */
export const redactUrl = (url: string) => url.replace(/\/\/[^@/]*@/, '//');
