import type { CallPlan } from './plan.js';
import type { LostReason, Mood } from './phrases/types.js';
import { Rng } from './prng.js';
import { TranscriptWriter, type RenderedTranscript } from './transcript-writer.js';
import type { Topic } from './types.js';

type Phase = 'discovery' | 'pitch' | 'objection' | 'handling';
type Role = 'agent' | 'customer' | 'question';

const AGENT = 'Agent';
const CUSTOMER = 'Customer';

/** Share of the target length spent in each middle phase; greeting and close are one exchange. */
const SALES_PHASES: readonly (readonly [Phase, number])[] = [
  ['discovery', 0.25],
  ['pitch', 0.22],
  ['objection', 0.2],
  ['handling', 0.18],
];
const SUPPORT_PHASES: readonly (readonly [Phase, number])[] = [
  ['discovery', 0.3],
  ['handling', 0.2],
  ['objection', 0.2],
  ['handling', 0.15],
];

const QUESTION_SCALE: Readonly<Record<Phase, number>> = { discovery: 1.6, pitch: 0.6, objection: 0.8, handling: 0.7 };
const AGENT_TOPICAL: Readonly<Record<Phase, number>> = { discovery: 0.3, pitch: 0.45, objection: 0.5, handling: 0.55 };
const CUSTOMER_TOPICAL: Readonly<Record<Phase, number>> = { discovery: 0.45, pitch: 0.35, objection: 0.75, handling: 0.4 };
const CUSTOMER_MOOD: Readonly<Record<Phase, number>> = { discovery: 0.25, pitch: 0.5, objection: 0.4, handling: 0.5 };
const LOST_REASONS: readonly LostReason[] = ['pricing', 'competitor'];
const FILLER_RATE = 0.05;
const EMPTY_TURN_RATE = 0.001;
const OTHER_TURN_RATE = 0.3;
/** Re-draws to avoid a sentence the call already used; pools are small, so repeats stay possible. */
const FRESH_TRIES = 3;

interface Context {
  rng: Rng;
  plan: CallPlan;
  out: TranscriptWriter;
  /** Topics not yet mentioned; topical sentences drain this first. */
  pending: Topic[];
  used: Set<string>;
  otherSpoke: boolean;
}

export function renderTranscript(rng: Rng, plan: CallPlan): RenderedTranscript {
  const ctx: Context = {
    rng,
    plan,
    out: new TranscriptWriter(rng, plan.slots),
    pending: [...plan.topics],
    used: new Set(),
    otherSpoke: false,
  };
  if (plan.short) {
    renderShort(ctx);
    return ctx.out.finish();
  }
  renderGreeting(ctx);
  const phases = plan.outcome === 'churn_risk' ? SUPPORT_PHASES : SALES_PHASES;
  for (const [phase, share] of phases) renderPhase(ctx, phase, share * plan.targetChars);
  renderClose(ctx);
  return ctx.out.finish();
}

function renderPhase(ctx: Context, phase: Phase, budget: number): void {
  const { rng, plan, out } = ctx;
  const start = out.chars;
  do {
    out.say(AGENT, agentTurn(ctx, phase));
    out.say(CUSTOMER, customerTurn(ctx, phase));
    // A third participant joins once the pitch starts, and then speaks now and then.
    const due = !ctx.otherSpoke && phase !== 'discovery';
    if (plan.otherSpeaker && phase !== 'objection' && (due || rng.chance(OTHER_TURN_RATE))) {
      out.say(plan.otherSpeaker, [fresh(ctx, plan.bank.other)]);
      ctx.otherSpoke = true;
    }
  } while (out.chars - start < budget);
}

function renderShort({ rng, plan, out }: Context): void {
  const { short, fillers } = plan.bank;
  out.say(AGENT, [rng.pick(short.agent)]);
  out.say(CUSTOMER, [rng.pick(short.customer)]);
  out.say(AGENT, [rng.pick(short.goodbye)]);
  if (rng.chance(0.5)) out.say(CUSTOMER, [rng.pick(fillers)]);
}

/** A customer calling in also states the problem, so the agent speaks next as usual. */
function renderGreeting(ctx: Context): void {
  const { rng, plan, out } = ctx;
  const { greeting, inbound } = plan.bank;
  if (plan.inbound) {
    out.say(CUSTOMER, [rng.pick(inbound.customer)]);
    out.say(AGENT, [rng.pick(inbound.agent)]);
    out.say(CUSTOMER, [topical(ctx, 'customer')]);
    return;
  }
  out.say(AGENT, [rng.pick(greeting.agent)]);
  out.say(CUSTOMER, [rng.pick(greeting.customer)]);
}

/** Mentions any topic still pending, wraps up, and lets the customer show where they landed. */
function renderClose(ctx: Context): void {
  const { rng, plan, out } = ctx;
  const closing = plan.bank.closing[plan.outcome];
  const agent: string[] = [];
  while (ctx.pending.length > 0) agent.push(topical(ctx, 'agent'));
  const wrapUp = rng.pick(closing.agent);
  agent.push(wrapUp);
  out.say(AGENT, agent);
  const reason = plan.outcome === 'lost' ? LOST_REASONS.find((topic) => plan.topics.includes(topic)) : undefined;
  const customer = [rng.pick(reason ? plan.bank.lostReasons[reason] : closing.customer)];
  if (rng.chance(0.6)) customer.push(rng.pick(plan.bank.moods[moodNow(ctx)]));
  out.say(CUSTOMER, customer);
  if (rng.chance(0.7)) out.say(AGENT, [pickOther(rng, closing.agent, wrapUp)]);
}

function agentTurn(ctx: Context, phase: Phase): string[] {
  const { rng, plan } = ctx;
  const [min, max] = plan.profile.agentSentences;
  const count = rng.int(min, max);
  const sentences: string[] = [];
  if (phase === 'objection') sentences.push(rng.pick(plan.bank.objection));
  for (let tries = 0; sentences.length < count && tries < count * 3; tries++) {
    const sentence = agentSentence(ctx, phase);
    if (!sentences.includes(sentence)) sentences.push(sentence);
  }
  // Questions close a turn: people ask, then wait.
  return sentences.sort((a, b) => Number(a.endsWith('?')) - Number(b.endsWith('?')));
}

function agentSentence(ctx: Context, phase: Phase): string {
  const { rng, plan } = ctx;
  const { bank, profile } = plan;
  if (rng.chance(profile.signatureRate)) return fresh(ctx, bank.styles[plan.style]);
  if (rng.chance(profile.questionRate * QUESTION_SCALE[phase])) {
    return rng.chance(0.5) ? topical(ctx, 'question') : fresh(ctx, bank.discovery.agent);
  }
  if (rng.chance(AGENT_TOPICAL[phase])) return topical(ctx, 'agent');
  const sales = plan.outcome !== 'churn_risk' && (phase === 'discovery' || phase === 'pitch');
  return fresh(ctx, sales ? bank.pitch : bank.handling);
}

function customerTurn(ctx: Context, phase: Phase): string[] {
  const { rng, plan } = ctx;
  if (rng.chance(EMPTY_TURN_RATE)) return [];
  if (rng.chance(FILLER_RATE)) return [rng.pick(plan.bank.fillers)];
  const [min, max] = plan.profile.customerSentences;
  const count = rng.int(min, max);
  const sentences: string[] = [];
  for (let tries = 0; sentences.length < count && tries < count * 3; tries++) {
    const sentence = customerSentence(ctx, phase);
    if (!sentences.includes(sentence)) sentences.push(sentence);
  }
  return sentences;
}

function customerSentence(ctx: Context, phase: Phase): string {
  const { rng, plan } = ctx;
  if (rng.chance(CUSTOMER_MOOD[phase])) return fresh(ctx, plan.bank.moods[moodNow(ctx)]);
  if (rng.chance(CUSTOMER_TOPICAL[phase])) return topical(ctx, 'customer');
  return fresh(ctx, plan.bank.discovery.customer);
}

function topical(ctx: Context, role: Role): string {
  const topic = ctx.pending.shift() ?? ctx.rng.pick(ctx.plan.topics);
  return fresh(ctx, ctx.plan.bank.topics[topic][role]);
}

function fresh(ctx: Context, pool: readonly string[]): string {
  let choice = ctx.rng.pick(pool);
  for (let tries = 0; tries < FRESH_TRIES && ctx.used.has(choice); tries++) choice = ctx.rng.pick(pool);
  ctx.used.add(choice);
  return choice;
}

/** The customer's mood drifts from start to end mood as the call goes on, with noise. */
function moodNow({ rng, plan, out }: Context): Mood {
  const progress = Math.min(1, out.chars / plan.targetChars);
  const mood = plan.startMood + (plan.endMood - plan.startMood) * progress + rng.normal(0, 0.2);
  if (mood < -0.55) return 'veryNegative';
  if (mood < -0.15) return 'negative';
  if (mood < 0.2) return 'neutral';
  if (mood < 0.55) return 'positive';
  return 'veryPositive';
}

function pickOther(rng: Rng, items: readonly string[], not: string): string {
  const choice = rng.pick(items);
  return choice === not ? items[(items.indexOf(choice) + 1) % items.length] : choice;
}
