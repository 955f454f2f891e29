/** Languages the generator writes transcripts in. */
export const LANGUAGES = ['en', 'es', 'fr', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The topic vocabulary of the contract (`CallInsights.topics`): the one the insights detect. */
import { TOPICS, type Topic } from '../insights/topics.js';

export { TOPICS, type Topic };

/** How a call ends; `churn_risk` is a support call with an unhappy existing customer. */
export const OUTCOMES = ['won', 'progressing', 'stalled', 'lost', 'churn_risk'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The persona of an agent; it drives talk ratio, questions and outcomes. */
export const AGENT_STYLES = ['talker', 'listener', 'balanced', 'pushy_closer', 'rookie'] as const;
export type AgentStyle = (typeof AGENT_STYLES)[number];

export const SENTIMENT_TRENDS = ['recovering', 'declining', 'flat'] as const;
export type SentimentTrend = (typeof SENTIMENT_TRENDS)[number];

/** One generated call; the fields are exactly what `CallInput` accepts. */
export interface SyntheticCall {
  callId: string;
  agentId: string;
  agentName: string;
  customerId: string;
  customerName: string;
  language: Language;
  /** ISO-8601 with milliseconds, never after `until`. */
  startTime: string;
  durationSeconds: number;
  transcript: string;
}

/** What the generator intended, for checking analytics against ground truth. */
export interface CallLabels {
  style: AgentStyle;
  outcome: Outcome;
  /** Topics the conversation deliberately covers; each is mentioned at least once. */
  topics: Topic[];
  trend: SentimentTrend;
  /** A short call-back request rather than a full conversation. */
  short: boolean;
  hasOtherSpeaker: boolean;
}

export interface LabeledCall {
  call: SyntheticCall;
  labels: CallLabels;
}
