import { createRequire } from 'node:module';
import type { WinkMethods } from 'wink-nlp';
import { domainSentiment } from './domain-sentiment.js';
import { looksEnglish } from './language-hint.js';
import { winkInput } from './wink-input.js';
import { countWords } from './words.js';

export interface SentimentOptions {
  /**
   * BCP-47 tag of the text's language. wink's model is English-only, so it
   * scores `en` / `en-*` text only. Default: guessed from the text's script
   * and function words.
   */
  language?: string;
  /**
   * Add the sales-domain lexicon (en/es/fr/de phrases with negation), mute
   * small-talk words for wink and skip wink on non-English text. `false`
   * gives wink's own score, to compare against. Default: true.
   */
  domainLexicon?: boolean;
}

let nlp: WinkMethods | undefined;

// Loaded on first use: the model is several megabytes, and importing this
// module (for its types, or in a worker that never scores) should stay cheap.
function wink(): WinkMethods {
  if (nlp === undefined) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
    const model = require('wink-eng-lite-web-model') as typeof import('wink-eng-lite-web-model').default;
    // Sentiment needs only sentence splitting and negation; POS and NER are
    // most of wink's time and are not used.
    nlp = winkNLP(model, ['sbd', 'negation', 'sentiment']);
  }
  return nlp;
}

const SENTENCE_BREAK = /(?<=[.!?…。！？])\s+|\n+/u;

function clamp(value: number): number {
  return Math.max(-1, Math.min(1, value));
}

/**
 * Joins wink's and the lexicon's score. Both often see the same words
 * ("sounds good"), so agreeing scores combine as a probabilistic OR (0.8 and
 * 0.5 give 0.9) instead of saturating at 1; opposing scores offset.
 */
function combine(a: number, b: number): number {
  if (a * b <= 0) return clamp(a + b);
  return Math.sign(a) * (Math.abs(a) + Math.abs(b) - Math.abs(a * b));
}

function winkSentiment(sentence: string, mute: boolean): number {
  const text = winkInput(sentence, mute);
  if (text.trim() === '') return 0;
  const engine = wink();
  // The typings widen every out() to `T | string`; its.sentiment is a number.
  const score = engine.readDoc(text).out(engine.its.sentiment);
  return typeof score === 'number' ? score : 0;
}

/**
 * Sentiment of `text` in [-1, 1]; about 0 for neutral text and 0 for text
 * without sentences. Each sentence combines wink's sentiment with the domain
 * lexicon's; sentences are then averaged weighted by their word count
 * (at least 1, so an emoji-only sentence still counts).
 */
export function scoreSentiment(text: string, options: SentimentOptions = {}): number {
  const domain = options.domainLexicon ?? true;
  const useWink = !domain || looksEnglish(text, options.language);
  let weighted = 0;
  let weights = 0;
  for (const sentence of text.split(SENTENCE_BREAK)) {
    if (sentence.trim() === '') continue;
    const fromWink = useWink ? winkSentiment(sentence, domain) : 0;
    const score = combine(fromWink, domain ? domainSentiment(sentence) : 0);
    const weight = Math.max(1, countWords(sentence));
    weighted += score * weight;
    weights += weight;
  }
  return weights === 0 ? 0 : clamp(weighted / weights);
}
