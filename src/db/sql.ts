import { type SQL, sql } from 'drizzle-orm';

/** An array literal element: double-quoted, with `"` and `\` escaped. */
const quoted = (value: string) => `"${value.replace(/(["\\])/g, '\\$1')}"`;

/** A text[] parameter that both drivers send as one array value. */
export function textArray(values: readonly string[]): SQL {
  return sql`${`{${values.map(quoted).join(',')}}`}::text[]`;
}

/** A text[] parameter that may hold NULLs (textArray quotes every element). */
export function nullableTextArray(values: readonly (string | null)[]): SQL {
  return sql`${`{${values.map((v) => (v === null ? 'NULL' : quoted(v))).join(',')}}`}::text[]`;
}

/**
 * A timestamp column as ISO text with milliseconds: both drivers hand raw
 * timestamp text to drizzle, in their own formats, so times leave SQL as text.
 */
export const isoTimestamp = (column: string): SQL => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
