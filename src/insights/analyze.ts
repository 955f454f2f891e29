import { computeCallInsights, type CallInsights, type ScoredUtterance } from './metrics.js';
import { coachingNudges, type CoachingNudge } from './nudges.js';
import { scoreSentiment } from './sentiment.js';
import { parseTranscript } from './transcript.js';

/** Options of {@link analyzeTranscript}. */
export interface AnalyzeOptions {
  /**
   * The call's language tag (`en`, `es`, `pt-BR`, ...). wink scores English
   * only; without a tag, each utterance's function words decide.
   */
  language?: string;
  /**
   * Longest embedding text in characters; ~24,000 characters stays under the
   * 8,192-token input limit of common hosted embedding models. Default: 24,000.
   */
  maxEmbeddingChars?: number;
}

/** Everything the insights derive from one transcript. */
export interface CallAnalysis {
  utterances: ScoredUtterance[];
  /** Agent words / all words, in [0, 1]. */
  agentTalkRatio: number;
  /** Customer sentiment, in [-1, 1]. */
  customerSentimentScore: number;
  insights: CallInsights;
  /** Exactly three, each at most 40 words. */
  nudges: CoachingNudge[];
  /** What to embed for similarCalls: every utterance's text, one per line. */
  embeddingText: string;
}

const DEFAULT_MAX_EMBEDDING_CHARS = 24_000;

/** Cuts at the last whitespace within `max` so no word or surrogate pair is split. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.search(/\s\S*$/u);
  if (space > 0) return cut.slice(0, space);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * Parses, scores and summarises a transcript. Pure and synchronous, so the
 * ingestion pipeline may run it in worker threads; the only state is wink's
 * model, loaded once per thread on first use.
 */
export function analyzeTranscript(transcript: string, options: AnalyzeOptions = {}): CallAnalysis {
  const utterances = parseTranscript(transcript).map((utterance) => ({
    ...utterance,
    sentiment: scoreSentiment(utterance.text, { language: options.language }),
  }));
  const metrics = computeCallInsights(utterances);
  const { agentTalkRatio, customerSentimentScore, ...insights } = metrics;
  const text = utterances.map((utterance) => utterance.text).join('\n');
  return {
    utterances,
    agentTalkRatio,
    customerSentimentScore,
    insights,
    nudges: coachingNudges(metrics, utterances),
    embeddingText: truncate(text, options.maxEmbeddingChars ?? DEFAULT_MAX_EMBEDDING_CHARS),
  };
}
