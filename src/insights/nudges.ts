import type { CallMetrics, ScoredUtterance } from './metrics.js';
import {
  monologueRule,
  questionsRule,
  sentimentRule,
  talkRatioRule,
  type NudgeCandidate,
  type NudgeCategory,
  type NudgeInput,
} from './nudge-rules.js';
import { nextStepsRule, objectionRule } from './nudge-topic-rules.js';

export type { NudgeCategory, NudgeInput } from './nudge-rules.js';

/** The contract's CoachingNudge: at most 40 words. */
export interface CoachingNudge {
  text: string;
  category: NudgeCategory;
}

const RULES: ReadonlyArray<(input: NudgeInput) => NudgeCandidate | null> = [
  talkRatioRule,
  monologueRule,
  questionsRule,
  sentimentRule,
  objectionRule,
  nextStepsRule,
];

const NUDGE_COUNT = 3;

// Code-unit order, not localeCompare: the order must not depend on the host's locale.
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Exactly three nudges in three different categories, most severe first and
 * then by category name. Every rule but objection always offers a nudge (an
 * issue, or positive feedback when there is none), so there are always at
 * least five candidates to choose from.
 */
export function coachingNudges(metrics: CallMetrics, utterances: readonly ScoredUtterance[]): CoachingNudge[] {
  const candidates = RULES.map((rule) => rule({ metrics, utterances })).filter(
    (candidate): candidate is NudgeCandidate => candidate !== null,
  );
  candidates.sort((a, b) => b.severity - a.severity || byName(a.category, b.category));
  return candidates.slice(0, NUDGE_COUNT).map(({ text, category }) => ({ text, category }));
}
