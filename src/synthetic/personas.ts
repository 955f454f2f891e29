import type { AgentStyle, Outcome } from './types.js';

/**
 * How an agent persona talks. Sentence counts per turn drive the agent word
 * share (talk ratio); the rates drive question counts and phrasing; the
 * outcome weights and mood bias make per-agent sentiment differ believably.
 */
export interface StyleProfile {
  /** Sentences per agent turn, inclusive range. */
  agentSentences: readonly [number, number];
  /** Sentences per customer turn, inclusive range. */
  customerSentences: readonly [number, number];
  /** Chance that an agent sentence is a question (scaled per phase). */
  questionRate: number;
  /** Chance that an agent sentence is one of the persona's signature lines. */
  signatureRate: number;
  /** Added to the customer's mood over the whole call. */
  moodBias: number;
  /** Multiplies the typical call length. */
  lengthFactor: number;
  outcomeWeights: Readonly<Record<Outcome, number>>;
}

export const STYLE_PROFILES: Readonly<Record<AgentStyle, StyleProfile>> = {
  talker: {
    agentSentences: [3, 6],
    customerSentences: [1, 2],
    questionRate: 0.08,
    signatureRate: 0.22,
    moodBias: -0.05,
    lengthFactor: 1.2,
    outcomeWeights: { won: 18, progressing: 30, stalled: 22, lost: 18, churn_risk: 12 },
  },
  listener: {
    agentSentences: [1, 2],
    customerSentences: [2, 4],
    questionRate: 0.55,
    signatureRate: 0.25,
    moodBias: 0.12,
    lengthFactor: 1.05,
    outcomeWeights: { won: 30, progressing: 33, stalled: 15, lost: 10, churn_risk: 12 },
  },
  balanced: {
    agentSentences: [1, 3],
    customerSentences: [2, 3],
    questionRate: 0.3,
    signatureRate: 0.12,
    moodBias: 0.05,
    lengthFactor: 1,
    outcomeWeights: { won: 24, progressing: 32, stalled: 18, lost: 14, churn_risk: 12 },
  },
  pushy_closer: {
    agentSentences: [2, 5],
    customerSentences: [1, 2],
    questionRate: 0.12,
    signatureRate: 0.3,
    moodBias: -0.18,
    lengthFactor: 0.9,
    outcomeWeights: { won: 20, progressing: 18, stalled: 15, lost: 35, churn_risk: 12 },
  },
  rookie: {
    agentSentences: [1, 4],
    customerSentences: [1, 3],
    questionRate: 0.18,
    signatureRate: 0.25,
    moodBias: -0.06,
    lengthFactor: 0.85,
    outcomeWeights: { won: 12, progressing: 28, stalled: 30, lost: 18, churn_risk: 12 },
  },
};
