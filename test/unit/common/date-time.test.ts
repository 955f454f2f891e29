import { describe, expect, it } from 'vitest';
import { checkIsoDateTime } from '../../../src/common/date-time.js';

describe('checkIsoDateTime', () => {
  it('accepts real instants in years 1 to 9999, with or without seconds and fractions, in any offset', () => {
    for (const [text, iso] of [
      ['2026-03-01T14:05:00Z', '2026-03-01T14:05:00.000Z'],
      ['2024-02-29T23:59:59.999+01:00', '2024-02-29T22:59:59.999Z'],
      ['2026-03-01T14:05Z', '2026-03-01T14:05:00.000Z'],
      ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
      ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000Z'],
      ['2026-03-01T14:05:00.123456+0530', '2026-03-01T08:35:00.123Z'],
    ]) {
      const checked = checkIsoDateTime(text);
      expect(checked.ok && checked.date.toISOString(), text).toBe(iso);
    }
  });

  it('refuses impossible dates and times that JavaScript would shift silently, and years PostgreSQL cannot take', () => {
    for (const [text, problem] of [
      ['2026-02-30T10:00:00Z', 'is not a real calendar date'],
      ['2023-02-29T10:00:00Z', 'is not a real calendar date'],
      ['2026-04-31T00:00:00Z', 'is not a real calendar date'],
      ['2026-13-01T00:00:00Z', 'is not a real calendar date'],
      ['2026-03-01T24:00:00Z', 'is not a real time of day'],
      ['2026-03-01T12:60:00Z', 'is not a real time of day'],
      ['0000-01-01T00:00:00Z', 'must fall in the years 1 to 9999 (UTC)'],
      ['0001-01-01T00:30:00+01:00', 'must fall in the years 1 to 9999 (UTC)'],
      ['9999-12-31T23:30:00-05:00', 'must fall in the years 1 to 9999 (UTC)'],
      ['yesterday', 'must be an ISO-8601 date-time with a time zone, e.g. 2026-03-01T14:05:00Z'],
      ['2026-03-01T14:05:00', 'must be an ISO-8601 date-time with a time zone, e.g. 2026-03-01T14:05:00Z'],
    ]) {
      expect(checkIsoDateTime(text), text).toEqual({ ok: false, problem });
    }
  });
});
