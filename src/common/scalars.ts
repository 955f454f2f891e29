import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { checkIsoDateTime, ISO_DATE_TIME, InvalidDateTime } from './date-time.js';

/**
 * Text that is not shaped like an ISO date-time fails the request (as any
 * malformed argument does). Well-shaped text that names no storable instant
 * (2026-02-30, year 0) becomes an InvalidDateTime for the argument's reader
 * to reject, so one bad item of an ingestion batch is that item's error.
 */
function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) {
    throw new GraphQLError(`DateTime must be an ISO-8601 string with a time zone, e.g. 2026-03-01T14:05:00Z; got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const checked = checkIsoDateTime(value);
  return checked.ok ? checked.date : new InvalidDateTime(value, checked.problem);
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO-8601 date-time, e.g. 2026-03-01T14:05:00.000Z.',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`cannot serialize ${String(value)} as DateTime`);
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A UTC calendar day, carried as its `YYYY-MM-DD` string. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day in UTC, YYYY-MM-DD.',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && ISO_DATE.test(value)) return value;
    throw new GraphQLError(`cannot serialize ${String(value)} as Date`);
  },
  parseValue: (value) => {
    if (typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return value;
    throw new GraphQLError(`Date must be YYYY-MM-DD; got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral(ast) {
    return this.parseValue!(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});
