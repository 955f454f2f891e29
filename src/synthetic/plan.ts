import { STYLE_PROFILES, type StyleProfile } from './personas.js';
import { PHRASE_BANKS } from './phrases/index.js';
import type { PhraseBank } from './phrases/types.js';
import { Rng } from './prng.js';
import type { SyntheticAgent, SyntheticCustomer } from './roster.js';
import { buildSlots, type Slots } from './slots.js';
import type { AgentStyle, Language, Outcome, SentimentTrend, Topic } from './types.js';

/** Everything decided about a call before a word of it is written. */
export interface CallPlan {
  language: Language;
  bank: PhraseBank;
  style: AgentStyle;
  profile: StyleProfile;
  outcome: Outcome;
  topics: Topic[];
  trend: SentimentTrend;
  /** Customer mood in [-1, 1] at the start and at the end of the call. */
  startMood: number;
  endMood: number;
  /** Transcript length to aim for; the last turn may overshoot it. */
  targetChars: number;
  short: boolean;
  /** The customer opens the call (a support call-in). */
  inbound: boolean;
  /** Speaker label of a third participant, or null. */
  otherSpeaker: string | null;
  slots: Slots;
}

type Weights<K extends string> = Readonly<Record<K, number>>;

const TOPIC_WEIGHTS: Readonly<Record<Outcome, Weights<Topic>>> = {
  won: { pricing: 15, competitor: 8, discount: 12, churn: 1, next_steps: 30, onboarding: 25, integration: 15, security: 12, legal: 15, support: 4 },
  progressing: { pricing: 20, competitor: 12, discount: 10, churn: 1, next_steps: 25, onboarding: 12, integration: 20, security: 15, legal: 10, support: 5 },
  stalled: { pricing: 20, competitor: 15, discount: 10, churn: 2, next_steps: 10, onboarding: 8, integration: 10, security: 15, legal: 15, support: 5 },
  lost: { pricing: 30, competitor: 30, discount: 20, churn: 2, next_steps: 3, onboarding: 5, integration: 10, security: 10, legal: 10, support: 5 },
  churn_risk: { pricing: 15, competitor: 15, discount: 12, churn: 30, next_steps: 8, onboarding: 10, integration: 12, security: 5, legal: 5, support: 30 },
};

const TREND_WEIGHTS: Readonly<Record<Outcome, Weights<SentimentTrend>>> = {
  won: { recovering: 45, flat: 45, declining: 10 },
  progressing: { recovering: 35, flat: 50, declining: 15 },
  stalled: { recovering: 20, flat: 50, declining: 30 },
  lost: { recovering: 10, flat: 35, declining: 55 },
  churn_risk: { recovering: 45, flat: 15, declining: 40 },
};

const END_MOOD: Readonly<Record<Outcome, number>> = {
  won: 0.75,
  progressing: 0.4,
  stalled: -0.05,
  lost: -0.65,
  churn_risk: -0.35,
};

const TOPIC_COUNT_WEIGHTS: Weights<'1' | '2' | '3'> = { 1: 35, 2: 45, 3: 20 };
const TREND_SWING = 0.7;
const SHORT_CALL_RATE = 0.01;
const LONG_CALL_RATE = 0.005;

export interface PlanInput {
  language: Language;
  agent: SyntheticAgent;
  customer: SyntheticCustomer;
}

export function planCall(rng: Rng, input: PlanInput): CallPlan {
  const bank = PHRASE_BANKS[input.language];
  const profile = STYLE_PROFILES[input.agent.style];
  const short = rng.chance(SHORT_CALL_RATE);
  const outcome: Outcome = short ? 'stalled' : rng.weighted(profile.outcomeWeights);
  const trend = short ? 'flat' : rng.weighted(TREND_WEIGHTS[outcome]);
  const [startMood, endMood] = moodsFor(outcome, trend, profile.moodBias);
  const slots = buildSlots(rng, bank, {
    agentFirstName: input.agent.firstName,
    contactFirstName: input.customer.contactFirstName,
    company: input.customer.name,
  });
  return {
    language: input.language,
    bank,
    style: input.agent.style,
    profile,
    outcome,
    topics: short ? ['next_steps'] : pickTopics(rng, outcome),
    trend,
    startMood,
    endMood,
    targetChars: pickTargetChars(rng, profile),
    short,
    inbound: outcome === 'churn_risk' && rng.chance(0.5),
    otherSpeaker: !short && rng.chance(0.1) ? pickOtherSpeaker(rng, bank) : null,
    slots,
  };
}

/** The end mood follows the outcome; the trend decides where the call started. */
function moodsFor(outcome: Outcome, trend: SentimentTrend, bias: number): [number, number] {
  let end = END_MOOD[outcome] + bias;
  if (outcome === 'churn_risk') end += trend === 'recovering' ? 0.55 : trend === 'declining' ? -0.35 : 0;
  const swing = trend === 'recovering' ? -TREND_SWING : trend === 'declining' ? TREND_SWING : 0;
  const clamp = (x: number) => Math.max(-0.95, Math.min(0.95, x));
  return [clamp(end + swing), clamp(end)];
}

/**
 * 1-3 distinct topics. A churn-risk call is always about churn or support, and
 * most lost deals are lost on price or to a competitor.
 */
function pickTopics(rng: Rng, outcome: Outcome): Topic[] {
  const count = rng.weighted(TOPIC_COUNT_WEIGHTS);
  const topics: Topic[] = [];
  if (outcome === 'churn_risk') topics.push(rng.chance(0.5) ? 'churn' : 'support');
  if (outcome === 'lost' && rng.chance(0.8)) topics.push(rng.chance(0.55) ? 'pricing' : 'competitor');
  for (let tries = 0; topics.length < Number(count) && tries < 20; tries++) {
    const topic = rng.weighted(TOPIC_WEIGHTS[outcome]);
    if (!topics.includes(topic)) topics.push(topic);
  }
  return topics;
}

/** Log-normal around 3.6k characters, clamped to 1.5k-8k, with rare marathons. */
function pickTargetChars(rng: Rng, profile: StyleProfile): number {
  if (rng.chance(LONG_CALL_RATE)) return rng.int(35_000, 68_000);
  const chars = 3600 * profile.lengthFactor * Math.exp(rng.normal(0, 0.38));
  return Math.round(Math.max(1500, Math.min(8000, chars)));
}

/** A manager, a job title, a first name, or a first name and initial ("Sam K."). */
function pickOtherSpeaker(rng: Rng, bank: PhraseBank): string {
  const roll = rng.next();
  if (roll < 0.25) return bank.managerLabel;
  if (roll < 0.55) return rng.pick(bank.otherRoles);
  const name = rng.pick(bank.otherNames);
  return roll < 0.8 ? name : `${name} ${String.fromCharCode(65 + rng.int(0, 25))}.`;
}
