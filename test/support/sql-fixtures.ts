import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { EMBEDDING_DIMENSIONS } from '../../src/db/schema/index.js';

/** Deterministic PRNG (mulberry32), so fixture data is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FixtureOptions {
  agents: number;
  customers: number;
  calls: number;
  seed?: number;
  /** Calls are spread over the 90 days before this instant. */
  until?: Date;
}

const LANGUAGES = ['en', 'en', 'en', 'es', 'fr', 'de'];
const TOPICS = ['pricing', 'competitor', 'discount', 'churn', 'next_steps', 'onboarding', 'integration', 'security', 'legal', 'support'];

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Inserts agents, customers and calls with plain multi-row SQL INSERTs, as a
 * test fixture independent of the ingestion code. Values are plausible, not
 * derived from the transcript.
 */
export async function insertFixtures(db: Database, options: FixtureOptions): Promise<void> {
  const rand = prng(options.seed ?? 1);
  const until = (options.until ?? new Date('2026-11-01T00:00:00Z')).getTime();
  const agents = Array.from({ length: options.agents }, (_, i) => sql`(${`AGENT-${String(i).padStart(3, '0')}`}, ${`Agent ${i}`}, ${i % 3 === 0 ? null : `agent${i}@example.com`})`);
  await db.execute(sql`insert into agents (agent_id, name, email) values ${sql.join(agents, sql`, `)}`);
  const customers = Array.from({ length: options.customers }, (_, i) => sql`(${`CUST-${String(i).padStart(5, '0')}`}, ${`Customer ${i}`}, ${null})`);
  for (let i = 0; i < customers.length; i += 1000) {
    await db.execute(sql`insert into customers (customer_id, name, email) values ${sql.join(customers.slice(i, i + 1000), sql`, `)}`);
  }
  for (let start = 0; start < options.calls; start += 250) {
    const rows = [];
    for (let i = start; i < Math.min(options.calls, start + 250); i++) rows.push(callRow(i, rand, options, until));
    await db.execute(sql`insert into calls (call_id, agent_id, customer_id, language, start_time, duration_seconds, transcript,
        agent_talk_ratio, customer_sentiment_score, agent_sentiment_score, topics, utterances, insights, coaching_nudges, embedding, embedding_model)
      values ${sql.join(rows, sql`, `)}`);
  }
}

function callRow(i: number, rand: () => number, options: FixtureOptions, until: number) {
  const agent = `AGENT-${String(Math.floor(rand() * options.agents)).padStart(3, '0')}`;
  const customer = `CUST-${String(Math.floor(rand() * options.customers)).padStart(5, '0')}`;
  // Whole seconds, with some exact repeats, so ties on every order key occur.
  const startTime = new Date(until - Math.floor(rand() * 90 * 86400) * 1000 - (i % 7 === 0 ? 0 : 1) * 1000);
  const sentiment = i % 11 === 0 ? 0.25 : round(rand() * 2 - 1, 3);
  const talkRatio = round(rand(), 4);
  const duration = i % 13 === 0 ? 600 : 30 + Math.floor(rand() * 3000);
  const topics = TOPICS.filter(() => rand() < 0.2).sort();
  const transcript = `Agent: Hello, thanks for joining the call number ${i}.\nCustomer: We want to talk about ${topics.join(' and ') || 'the renewal'}.`;
  const utterances = [
    { index: 0, speaker: 'AGENT', text: `Hello, thanks for joining the call number ${i}.`, sentiment: 0.3 },
    { index: 1, speaker: 'CUSTOMER', text: `We want to talk about ${topics.join(' and ') || 'the renewal'}.`, sentiment },
  ];
  const insights = {
    agentWordCount: 8, customerWordCount: 6, speakerSwitches: 1, longestAgentMonologueWords: 8, longestCustomerStoryWords: 6,
    agentQuestionCount: 0, agentSentimentScore: 0.3, customerSentimentTrend: 0, topics,
  };
  const nudges = [
    { text: `Talk ratio was ${Math.round(talkRatio * 100)}%.`, category: 'talk_ratio' },
    { text: 'Ask at least three open questions.', category: 'questions' },
    { text: 'Agree on a next step before hanging up.', category: 'next_steps' },
  ];
  const embedding = `[${Array.from({ length: EMBEDDING_DIMENSIONS }, () => round(rand() * 2 - 1, 4)).join(',')}]`;
  return sql`(${`CALL-${String(i).padStart(6, '0')}`}, ${agent}, ${customer}, ${LANGUAGES[i % LANGUAGES.length]}, ${startTime.toISOString()}::timestamptz,
    ${duration}, ${transcript}, ${talkRatio}, ${sentiment}, 0.3, ${`{${topics.join(',')}}`}::text[], ${JSON.stringify(utterances)}::jsonb,
    ${JSON.stringify(insights)}::jsonb, ${JSON.stringify(nudges)}::jsonb, ${embedding}::vector, 'fixture-random')`;
}
