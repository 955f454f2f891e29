import { Rng } from './prng.js';
import type { Language } from './types.js';

/** Share of calls per language across a large run. */
export const LANGUAGE_WEIGHTS: Readonly<Record<Language, number>> = { en: 70, es: 12, fr: 10, de: 8 };

/**
 * UTC offsets (hours, standard time) where speakers of each language sit, with
 * weights; business hours are sampled in local time and shifted to UTC.
 */
const UTC_OFFSETS: Readonly<Record<Language, Readonly<Record<string, number>>>> = {
  en: { '-5': 40, '-6': 10, '-8': 20, '0': 25, '10': 5 },
  es: { '1': 60, '-6': 25, '-5': 15 },
  fr: { '1': 90, '-5': 10 },
  de: { '1': 100 },
};

export function pickLanguage(rng: Rng): Language {
  return rng.weighted(LANGUAGE_WEIGHTS);
}

export function pickUtcOffsetHours(rng: Rng, language: Language): number {
  return Number(rng.weighted(UTC_OFFSETS[language]));
}
