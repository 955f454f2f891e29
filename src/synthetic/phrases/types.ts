import type { AgentStyle, Outcome, Topic } from '../types.js';

/**
 * Sentence templates for one language. Slots in braces are filled per call:
 * {agent} {contact} {company} {vendor} {product} {competitor} {price} {total}
 * {seats} {discount} {day} {weeks} {months} {integration} {cert}.
 *
 * Hazard: no template may contain a colon or a line break. A continuation line
 * (one without a prefix) that contained "Word:" would be parsed as a new
 * speaker, and a line break would split a turn.
 */
export interface PhraseBank {
  /**
   * Speaker labels of third parties (OTHER). Every label must read as a
   * `Name:` prefix: one to four words, each starting with a capital letter,
   * made of letters, digits, ".", "'" and "-" only. "Sam (Solutions
   * Engineer)" is not one: parentheses are not name characters, so its words
   * would be credited to whoever spoke before.
   */
  managerLabel: string;
  /** Job titles used as labels, e.g. "Solutions Engineer". */
  otherRoles: readonly string[];
  otherNames: readonly string[];
  /** Business days, Monday first. */
  weekdays: readonly string[];
  /** Digit group separator for large amounts. */
  thousands: string;
  /** Formats an already grouped amount as money, e.g. "$1,200" or "1.200 €". */
  money: (amount: string) => string;
  greeting: Exchange;
  /** A customer calling in: the customer line comes first. */
  inbound: Exchange;
  /** Agent questions and customer answers about the situation. */
  discovery: Exchange;
  pitch: readonly string[];
  /** Agent acknowledgements of an objection. */
  objection: readonly string[];
  /** Agent answers to an objection. */
  handling: readonly string[];
  topics: Readonly<Record<Topic, TopicPhrases>>;
  /** Customer reactions, from very negative to very positive. */
  moods: Readonly<Record<Mood, readonly string[]>>;
  closing: Readonly<Record<Outcome, Exchange>>;
  /** The customer's last word on a lost deal that was about price or a competitor. */
  lostReasons: Readonly<Record<LostReason, readonly string[]>>;
  /** Signature lines of each persona (listener lines are questions). */
  styles: Readonly<Record<AgentStyle, readonly string[]>>;
  /** Near-empty turns such as "Mm-hmm." */
  fillers: readonly string[];
  /** Lines for third parties (solutions engineer, manager). */
  other: readonly string[];
  /** A call-back request: agent opener, customer deferral, agent goodbye. */
  short: ShortCall;
}

export interface Exchange {
  agent: readonly string[];
  customer: readonly string[];
}

export interface TopicPhrases {
  agent: readonly string[];
  customer: readonly string[];
  /** Agent questions about the topic. */
  question: readonly string[];
}

export interface ShortCall {
  agent: readonly string[];
  customer: readonly string[];
  goodbye: readonly string[];
}

export type LostReason = Extract<Topic, 'pricing' | 'competitor'>;

export const MOODS = ['veryNegative', 'negative', 'neutral', 'positive', 'veryPositive'] as const;
export type Mood = (typeof MOODS)[number];
