import type { Language } from '../types.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { PhraseBank } from './types.js';

export const PHRASE_BANKS: Readonly<Record<Language, PhraseBank>> = { en, es, fr, de };
