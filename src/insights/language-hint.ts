import { words } from './words.js';

/*
 * Frequent function words. Words common to English and the others ("a",
 * "no", "in") are left out; German "die" stays because the English verb is
 * rare in a sales call.
 */
const ENGLISH = new Set([
  'the', 'and', 'is', 'are', 'to', 'of', 'it', 'that', 'this', 'we', 'you', 'i', 'for', 'with',
  'have', 'be', 'was', 'not', 'but', 'so', 'can', 'do', 'our', 'they', 'what', 'will', 'would',
  'just', 'about', 'on', 'at', 'my', 'your', "it's", "i'm", "we're", "don't", 'how', 'if',
]);

const OTHERS = new Set([
  // es
  'el', 'la', 'los', 'las', 'que', 'y', 'un', 'una', 'para', 'con', 'por', 'estamos', 'muy',
  'pero', 'del', 'lo', 'su', 'está', 'nosotros', 'podemos', 'es', 'queremos', 'necesitamos',
  // fr
  'le', 'les', 'des', 'est', 'et', 'une', 'pour', 'nous', 'vous', 'pas', 'ce', "c'est", 'du',
  'avec', 'sur', 'très', 'ça', 'je', 'il', 'ne', 'qui', 'dans', 'au',
  // de
  'der', 'das', 'und', 'ist', 'nicht', 'wir', 'sie', 'ich', 'mit', 'für', 'uns', 'ein', 'eine',
  'zu', 'den', 'dem', 'auf', 'sehr', 'auch', 'haben', 'können', 'die',
]);

/**
 * Whether wink's English-only model should score `text`. A given language
 * tag decides; otherwise the text counts as English unless it has more
 * es/fr/de function words than English ones. This matters because wink reads
 * German "die" (the) as the English verb and would make every German call
 * negative. Other scripts need no check: wink's lexicon has none of their words.
 */
export function looksEnglish(text: string, language?: string): boolean {
  if (language !== undefined) return /^en(?:-|$)/i.test(language);
  let english = 0;
  let other = 0;
  for (const word of words(text.toLowerCase().replace(/’/g, "'"))) {
    if (ENGLISH.has(word)) english += 1;
    else if (OTHERS.has(word)) other += 1;
  }
  return other <= english;
}
