import { Rng } from './prng.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Relative call volume per local hour, 0-23: business hours with a lunch dip. */
const HOUR_WEIGHTS: Readonly<Record<string, number>> = {
  0: 0.2, 1: 0.1, 2: 0.1, 3: 0.1, 4: 0.1, 5: 0.3, 6: 1, 7: 4, 8: 12, 9: 20, 10: 24, 11: 22,
  12: 12, 13: 15, 14: 21, 15: 21, 16: 18, 17: 10, 18: 4, 19: 2, 20: 1, 21: 0.6, 22: 0.4, 23: 0.3,
};
/** Chance to keep a sampled day, Sunday first: weekends are rare, Fridays quieter. */
const WEEKDAY_ACCEPT = [0.03, 1, 1, 1, 0.95, 0.8, 0.06];
const MAX_TRIES = 32;

/**
 * A start time (epoch ms) in (until - days, until]: a day that is weighted
 * towards weekdays, at a local business hour for `utcOffsetHours`.
 */
export function sampleStartTime(rng: Rng, untilMs: number, days: number, utcOffsetHours: number): number {
  const fromMs = untilMs - days * DAY_MS;
  const offsetMs = utcOffsetHours * HOUR_MS;
  const lastLocalDay = Math.floor((untilMs + offsetMs) / DAY_MS);
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const localDay = lastLocalDay - rng.int(0, Math.ceil(days));
    // 1970-01-01 was a Thursday (weekday 4).
    const weekday = (((localDay + 4) % 7) + 7) % 7;
    if (!rng.chance(WEEKDAY_ACCEPT[weekday])) continue;
    const hour = Number(rng.weighted(HOUR_WEIGHTS));
    const localMs = localDay * DAY_MS + hour * HOUR_MS + Math.floor(rng.next() * HOUR_MS);
    const utcMs = localMs - offsetMs;
    if (utcMs > fromMs && utcMs <= untilMs) return utcMs;
  }
  // Only reachable for windows of a day or so that fall on a weekend night.
  return untilMs - Math.floor(rng.next() * days * DAY_MS);
}
