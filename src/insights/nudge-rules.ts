import type { CallMetrics, ScoredUtterance } from './metrics.js';

export type NudgeCategory = 'talk_ratio' | 'monologue' | 'questions' | 'sentiment' | 'objection' | 'next_steps';

export interface NudgeInput {
  metrics: CallMetrics;
  utterances: readonly ScoredUtterance[];
}

/** A possible nudge; severity in [0, 1] ranks it. */
export interface NudgeCandidate {
  category: NudgeCategory;
  severity: number;
  text: string;
}

/*
 * Benchmarks from published analyses of recorded sales calls: top reps talk
 * about 43% of the time and rarely speak for more than about 120 words
 * (under a minute) without handing the turn back.
 */
const TARGET_TALK_RATIO = 0.43;
const HIGH_TALK_RATIO = 0.55;
const LOW_TALK_RATIO = 0.25;
const MONOLOGUE_WORDS = 120;
const MIN_QUESTIONS = 3;

/*
 * Severity of positive feedback, below every issue (>= 0.3). Praise for what
 * most moves deals (handling objections, balanced talk) comes first; praise
 * for merely not doing harm (short monologues) last.
 */
export const PRAISE = {
  objection: 0.12,
  talk_ratio: 0.1,
  sentimentRise: 0.09,
  questions: 0.08,
  next_steps: 0.07,
  sentiment: 0.04,
  monologue: 0.03,
} as const;

const percent = (ratio: number): string => `${Math.round(ratio * 100)}%`;
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Two decimals with a sign, and never "-0.00". */
export function signed(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return '0.00';
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(2)}`;
}

export function talkRatioRule({ metrics }: NudgeInput): NudgeCandidate {
  const ratio = metrics.agentTalkRatio;
  const category = 'talk_ratio';
  if (ratio > HIGH_TALK_RATIO) {
    const text = `You did ${percent(ratio)} of the talking; top reps stay near ${percent(TARGET_TALK_RATIO)}. Ask an open question and let the customer talk.`;
    return { category, severity: 0.5 + (ratio - HIGH_TALK_RATIO), text };
  }
  if (ratio < LOW_TALK_RATIO) {
    const text = `You did only ${percent(ratio)} of the talking; top reps stay near ${percent(TARGET_TALK_RATIO)}. Lead more: summarise what you heard and propose the next step.`;
    return { category, severity: 0.4 + (LOW_TALK_RATIO - ratio), text };
  }
  const text = `You did ${percent(ratio)} of the talking, inside the ${percent(LOW_TALK_RATIO)} to ${percent(HIGH_TALK_RATIO)} band around the ${percent(TARGET_TALK_RATIO)} top reps aim for; keep that balance.`;
  return { category, severity: PRAISE.talk_ratio, text };
}

export function monologueRule({ metrics }: NudgeInput): NudgeCandidate {
  const words = metrics.longestAgentMonologueWords;
  const category = 'monologue';
  if (words > MONOLOGUE_WORDS) {
    const text = `Your longest monologue ran ${words} words; top reps hand the turn back within about ${MONOLOGUE_WORDS}. Pause and check in with the customer.`;
    return { category, severity: 0.4 + Math.min(0.4, (words - MONOLOGUE_WORDS) / 500), text };
  }
  if (words === 0) {
    const text = `Your longest turn was 0 words; take the floor to summarise the customer's needs and guide the call.`;
    return { category, severity: 0.3, text };
  }
  const text = `Your longest monologue was ${words} words; short turns like that keep the customer engaged.`;
  return { category, severity: PRAISE.monologue, text };
}

export function questionsRule({ metrics, utterances }: NudgeInput): NudgeCandidate {
  const asked = metrics.agentQuestionCount;
  const category = 'questions';
  if (asked < MIN_QUESTIONS) {
    const turns = utterances.filter((utterance) => utterance.speaker === 'AGENT').length;
    const text = `You asked ${plural(asked, 'question')} in ${plural(turns, 'turn')}; ask open questions about goals, blockers and timing to uncover what the customer needs.`;
    return { category, severity: 0.3 + (MIN_QUESTIONS - asked) * 0.1, text };
  }
  const text = `You asked ${plural(asked, 'question')}; keep using open questions to uncover goals, blockers and decision makers.`;
  return { category, severity: PRAISE.questions, text };
}

export function sentimentRule({ metrics }: NudgeInput): NudgeCandidate {
  const trend = metrics.customerSentimentTrend;
  const score = metrics.customerSentimentScore;
  const category = 'sentiment';
  if (trend <= -0.2) {
    const text = `Customer sentiment fell by ${(-trend).toFixed(2)} from the first to the last third of the call; find where it dropped and address that concern directly.`;
    return { category, severity: 0.5 + Math.min(0.4, -trend / 2), text };
  }
  if (score <= -0.15) {
    const text = `Customer sentiment averaged ${signed(score)}; acknowledge their concerns explicitly before moving on to your agenda.`;
    return { category, severity: 0.45 + Math.min(0.4, -score / 2), text };
  }
  if (trend >= 0.1) {
    const text = `Customer sentiment rose by ${signed(trend)} from the first to the last third; keep doing what you did in the second half of the call.`;
    return { category, severity: PRAISE.sentimentRise, text };
  }
  const text = `Customer sentiment averaged ${signed(score)}; keep checking how the customer feels about the proposal as you go.`;
  return { category, severity: PRAISE.sentiment, text };
}
