/** ISO-8601 date-times with a time zone: `2026-03-01T14:05:00Z`, `…:00.123+02:00`. The one pattern of the API and the CLI. */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The instant an ISO-8601 date-time names, or null when the text is not one. */
export function parseIsoDateTime(text: string): Date | null {
  if (!ISO_DATE_TIME.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
