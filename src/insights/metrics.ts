import { detectTopics, type Topic } from './topics.js';
import type { Speaker } from './transcript.js';
import { countWords } from './words.js';

export interface ScoredUtterance {
  index: number;
  speaker: Speaker;
  text: string;
  /** Sentiment of this turn, in [-1, 1]. */
  sentiment: number;
}

/** The contract's CallInsights. */
export interface CallInsights {
  agentWordCount: number;
  customerWordCount: number;
  speakerSwitches: number;
  longestAgentMonologueWords: number;
  longestCustomerStoryWords: number;
  agentQuestionCount: number;
  agentSentimentScore: number;
  customerSentimentTrend: number;
  topics: Topic[];
}

/** CallInsights plus the two call-level figures the Call type carries. */
export interface CallMetrics extends CallInsights {
  /** Agent words / all words (OTHER included); 0 when nobody spoke a word. */
  agentTalkRatio: number;
  /** Word-weighted mean of customer utterance sentiments; 0 without customer words. */
  customerSentimentScore: number;
}

interface Counted {
  speaker: Speaker;
  sentiment: number;
  words: number;
}

// A question is a run of sentence-final marks that starts with '?': "Why?!"
// and "Really??" are one question each; a Spanish '¿' opens but never counts.
const QUESTION = /[?？][?？!！]*/g;

/** The number of sentences in `text` that end with a question mark. */
export function countQuestions(text: string): number {
  return text.match(QUESTION)?.length ?? 0;
}

/** Word-weighted mean sentiment, clamped to [-1, 1]; 0 when there are no words. */
function meanSentiment(utterances: readonly Counted[]): number {
  let weighted = 0;
  let words = 0;
  for (const utterance of utterances) {
    weighted += utterance.sentiment * utterance.words;
    words += utterance.words;
  }
  return words === 0 ? 0 : Math.max(-1, Math.min(1, weighted / words));
}

function sumWords(utterances: readonly Counted[]): number {
  return utterances.reduce((total, utterance) => total + utterance.words, 0);
}

function maxWords(utterances: readonly Counted[]): number {
  return utterances.reduce((longest, utterance) => Math.max(longest, utterance.words), 0);
}

/**
 * Customer sentiment of the last third of the call minus the first third.
 * Thirds are by utterance position over the whole call (position < n/3 and
 * position >= 2n/3), so a call needs three utterances to have both; 0 when
 * either third has no customer words.
 */
function customerTrend(counted: readonly Counted[]): number {
  const n = counted.length;
  const isCustomer = (utterance: Counted): boolean => utterance.speaker === 'CUSTOMER';
  const first = counted.filter((utterance, i) => i < n / 3 && isCustomer(utterance));
  const last = counted.filter((utterance, i) => i >= (2 * n) / 3 && isCustomer(utterance));
  if (sumWords(first) === 0 || sumWords(last) === 0) return 0;
  return meanSentiment(last) - meanSentiment(first);
}

function countSwitches(counted: readonly Counted[]): number {
  let switches = 0;
  for (let i = 1; i < counted.length; i += 1) {
    if (counted[i].speaker !== counted[i - 1].speaker) switches += 1;
  }
  return switches;
}

/** Every per-call figure, computed from the scored utterances in call order. */
export function computeCallInsights(utterances: readonly ScoredUtterance[]): CallMetrics {
  const counted = utterances.map((u) => ({ speaker: u.speaker, sentiment: u.sentiment, words: countWords(u.text) }));
  const agent = counted.filter((utterance) => utterance.speaker === 'AGENT');
  const customer = counted.filter((utterance) => utterance.speaker === 'CUSTOMER');
  const agentWordCount = sumWords(agent);
  const allWords = sumWords(counted);
  const agentQuestionCount = utterances
    .filter((utterance) => utterance.speaker === 'AGENT')
    .reduce((total, utterance) => total + countQuestions(utterance.text), 0);

  return {
    agentTalkRatio: allWords === 0 ? 0 : agentWordCount / allWords,
    customerSentimentScore: meanSentiment(customer),
    agentWordCount,
    customerWordCount: sumWords(customer),
    speakerSwitches: countSwitches(counted),
    longestAgentMonologueWords: maxWords(agent),
    longestCustomerStoryWords: maxWords(customer),
    agentQuestionCount,
    agentSentimentScore: meanSentiment(agent),
    customerSentimentTrend: customerTrend(counted),
    topics: detectTopics(utterances),
  };
}
