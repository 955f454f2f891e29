/** ISO-8601 date-times with a time zone: `2026-03-01T14:05:00Z`, `…:00.123+02:00`. The one pattern of the API and the CLI. */
export const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

/** PostgreSQL stores years 1 to 9999 here (timestamptz goes further, but `toISOString` and its input formats do not agree beyond). */
export const EARLIEST_INSTANT = Date.parse('0001-01-01T00:00:00.000Z');
export const LATEST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

export type DateTimeCheck = { ok: true; date: Date } | { ok: false; problem: string };

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) => [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

/**
 * The instant an ISO-8601 date-time names, or why it names none: the text
 * must have the shape, be a real calendar date and time (JavaScript would
 * turn 2026-02-30 into March 2nd silently) and fall in years 1 to 9999 UTC.
 */
export function checkIsoDateTime(text: string): DateTimeCheck {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return { ok: false, problem: 'must be an ISO-8601 date-time with a time zone, e.g. 2026-03-01T14:05:00Z' };
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = [m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]].map(
    (part) => (part === undefined ? undefined : Number(part)),
  ) as number[];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, problem: 'is not a real calendar date' };
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return { ok: false, problem: 'is not a real time of day' };
  const instant = Date.parse(text);
  if (Number.isNaN(instant)) return { ok: false, problem: 'is not a real instant' };
  if (instant < EARLIEST_INSTANT || instant > LATEST_INSTANT) return { ok: false, problem: 'must fall in the years 1 to 9999 (UTC)' };
  return { ok: true, date: new Date(instant) };
}

/**
 * A DateTime argument whose text has the ISO shape but names no storable
 * instant (2026-02-30, year 0). The scalar returns it instead of failing the
 * whole request, so that `ingestCalls` can reject that one item and store
 * its siblings; every reader of a DateTime checks for it (see
 * `checkInstant` in time-range.ts and the ingestion validation). Its time is
 * NaN, so it can never be mistaken for an instant.
 */
export class InvalidDateTime extends Date {
  constructor(
    readonly text: string,
    readonly problem: string,
  ) {
    super(Number.NaN);
  }
}
