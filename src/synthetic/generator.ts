import { renderTranscript } from './conversation.js';
import { pickLanguage, pickUtcOffsetHours } from './languages.js';
import { planCall, type CallPlan } from './plan.js';
import { deriveSeed, Rng } from './prng.js';
import { Roster } from './roster.js';
import { sampleStartTime } from './schedule.js';
import type { RenderedTranscript } from './transcript-writer.js';
import type { CallLabels, LabeledCall, SyntheticCall } from './types.js';
import { intRangeProblem } from '../common/int-range.js';

export interface GenerateOptions {
  /** How many calls to generate (a non-negative integer). */
  calls: number;
  /** Any safe integer. The same seed and options always give the same calls. */
  seed: number;
  /** Number of agents, AGENT-001 upwards. Default 20. */
  agents?: number;
  /**
   * Number of customers, CUST-00001 upwards. Default max(50, calls / 20),
   * capped at 20,000. Pass it explicitly when splitting one data set over
   * several runs with `offset`, or the runs will disagree.
   */
  customers?: number;
  /** Latest possible startTime. Default 2026-11-01T00:00:00.000Z, so output never depends on the clock. */
  until?: Date;
  /** Start times fall in the `days` days before `until`. Default 365. */
  days?: number;
  /** Index of the first call. Default 0. Call i is the same whatever the offset. */
  offset?: number;
}

export interface ResolvedOptions {
  calls: number;
  seed: number;
  agents: number;
  customers: number;
  untilMs: number;
  days: number;
  offset: number;
}

export const DEFAULT_UNTIL = new Date('2026-11-01T00:00:00.000Z');
export const DEFAULT_AGENTS = 20;
export const DEFAULT_DAYS = 365;
export const MAX_AGENTS = 100_000;
export const MAX_CUSTOMERS = 10_000_000;
export const MAX_DAYS = 36_500;
const DEFAULT_CUSTOMER_CAP = 20_000;

const MIN_DURATION_SECONDS = 1;
const MAX_DURATION_SECONDS = 14_400;
const MAX_TRANSCRIPT_CHARS = 200_000;
const WORDS_PER_MINUTE = 150;
/** Share of calls held in the account's own language. */
const HOME_LANGUAGE_RATE = 0.9;
const STREAM_CALL = 10;

function requireInteger(name: string, value: number, min: number, max: number): void {
  const problem = intRangeProblem(name, value, min, max);
  if (problem) throw new RangeError(problem);
}

/** Applies defaults and checks ranges; throws a RangeError that names the bad option. */
export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const { calls, seed, offset = 0, agents = DEFAULT_AGENTS, days = DEFAULT_DAYS } = options;
  requireInteger('calls', calls, 0, Number.MAX_SAFE_INTEGER);
  requireInteger('seed', seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  requireInteger('offset', offset, 0, Number.MAX_SAFE_INTEGER - calls);
  requireInteger('agents', agents, 1, MAX_AGENTS);
  requireInteger('days', days, 1, MAX_DAYS);
  const customers = options.customers ?? Math.min(DEFAULT_CUSTOMER_CAP, Math.max(50, Math.ceil(calls / 20)));
  requireInteger('customers', customers, 1, MAX_CUSTOMERS);
  const untilMs = (options.until ?? DEFAULT_UNTIL).getTime();
  if (!Number.isFinite(untilMs)) throw new RangeError('until must be a valid date');
  return { calls, seed, agents, customers, untilMs, days, offset };
}

export function formatCallId(index: number): string {
  return `CALL-${String(index + 1).padStart(9, '0')}`;
}

/**
 * Streams calls with the intended outcome, topics and persona attached. Options
 * are checked before the first call; memory use does not grow with `calls`.
 */
export function generateLabeledCalls(options: GenerateOptions): Generator<LabeledCall, void, undefined> {
  const resolved = resolveOptions(options);
  const roster = new Roster(resolved.seed, resolved.agents, resolved.customers);
  return (function* labeled() {
    const end = resolved.offset + resolved.calls;
    for (let index = resolved.offset; index < end; index++) yield buildCall(resolved, roster, index);
  })();
}

/** Streams `calls` synthetic calls that satisfy every `CallInput` limit. */
export function generateCalls(options: GenerateOptions): Generator<SyntheticCall, void, undefined> {
  const labeled = generateLabeledCalls(options);
  return (function* calls() {
    for (const { call } of labeled) yield call;
  })();
}

function buildCall(options: ResolvedOptions, roster: Roster, index: number): LabeledCall {
  const rng = new Rng(deriveSeed(options.seed, STREAM_CALL, index));
  const customer = roster.pickCustomer(rng);
  const agent = roster.pickAgent(rng, customer);
  const language = rng.chance(HOME_LANGUAGE_RATE) ? customer.language : pickLanguage(rng);
  const plan = planCall(rng, { language, agent, customer });
  const transcript = renderTranscript(rng, plan);
  const startMs = sampleStartTime(rng, options.untilMs, options.days, pickUtcOffsetHours(rng, language));
  const call: SyntheticCall = {
    callId: formatCallId(index),
    agentId: agent.agentId,
    agentName: agent.name,
    customerId: customer.customerId,
    customerName: customer.name,
    language,
    startTime: new Date(startMs).toISOString(),
    durationSeconds: estimateDuration(rng, transcript, plan),
    transcript: capLength(transcript.text),
  };
  const labels: CallLabels = {
    style: plan.style,
    outcome: plan.outcome,
    topics: plan.topics,
    trend: plan.trend,
    short: plan.short,
    hasOtherSpeaker: plan.otherSpeaker !== null,
  };
  return { call, labels };
}

/** About 150 spoken words a minute, plus pauses between turns and hold time on support calls. */
function estimateDuration(rng: Rng, transcript: RenderedTranscript, plan: CallPlan): number {
  const speaking = (transcript.words / WORDS_PER_MINUTE) * 60 * Math.exp(rng.normal(0, 0.12));
  const pauses = transcript.turns * rng.uniform(0.4, 1.2);
  const hold = plan.outcome === 'churn_risk' ? rng.int(0, 240) : 0;
  const seconds = Math.round(speaking + pauses + hold);
  return Math.max(MIN_DURATION_SECONDS, Math.min(MAX_DURATION_SECONDS, seconds));
}

/** Targets stay far below the limit; this only guards the contract if they ever change. */
function capLength(text: string): string {
  if (text.length <= MAX_TRANSCRIPT_CHARS) return text;
  return text.slice(0, text.lastIndexOf('\n', MAX_TRANSCRIPT_CHARS));
}
