import { WINK_NEUTRAL_WORDS } from './sentiment-lexicon.js';

/*
 * wink's tokenizer is quadratic in token length: one 50,000-character token
 * takes about 2 s, a 200,000-character one over 30 s. Runs that long (pasted
 * blobs, URLs, CJK without spaces) carry no English sentiment.
 */
const LONG_RUN = /\S{48,}/gu;
const MUTED = new RegExp(`(?<![\\p{L}\\p{N}'])(?:${WINK_NEUTRAL_WORDS.join('|')})(?![\\p{L}\\p{N}'])`, 'giu');

/**
 * The text wink should score for `sentence`: without whitespace-free runs of
 * 48 or more characters and, when `mute` is set, without the small-talk words
 * of WINK_NEUTRAL_WORDS. Removed parts become a space.
 */
export function winkInput(sentence: string, mute: boolean): string {
  const bounded = sentence.replace(LONG_RUN, ' ');
  return mute ? bounded.replace(MUTED, ' ') : bounded;
}
