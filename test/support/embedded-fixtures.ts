import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { createEmbeddingProvider } from '../../src/insights/index.js';
import { countWords, parseTranscript } from '../../src/insights/index.js';
import { generateCalls } from '../../src/synthetic/generator.js';
import { prng } from './sql-fixtures.js';

export interface EmbeddedCallsOptions {
  calls: number;
  seed: number;
  /** Index of the first generated call (see generateCalls); default 0. */
  offset?: number;
  /** Passed to generateCalls; default 20 agents and its own customer default. */
  agents?: number;
  customers?: number;
  /** Stored as embedding_model instead of the provider's id, to test that models never mix. */
  embeddingModel?: string;
  /** Appended to every generated callId, to insert twins of calls that already exist (same transcript, same vector). */
  callIdSuffix?: string;
  /** Store no embedding at all (a call ingested before embeddings existed). */
  withoutEmbedding?: boolean;
}

export interface EmbeddedCalls {
  callIds: string[];
  modelId: string;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Inserts synthetic calls (src/synthetic) with real transcripts and the offline
 * hashed-ngram embedding of their utterance text, the text ingestion embeds,
 * with plain SQL so the search tests do not depend on the ingestion code.
 * Agents and customers are created as needed. Scores other than the embedding
 * are plausible values, not derived from the transcript.
 */
export async function insertEmbeddedCalls(db: Database, options: EmbeddedCallsOptions): Promise<EmbeddedCalls> {
  const provider = createEmbeddingProvider({ kind: 'hashed-ngram', dimensions: 384 });
  const modelId = options.embeddingModel ?? provider.modelId;
  const rand = prng(options.seed + 17);
  const suffix = options.callIdSuffix ?? '';
  const generated = [
    ...generateCalls({ calls: options.calls, seed: options.seed, offset: options.offset, agents: options.agents, customers: options.customers }),
  ];
  const agents = new Map(generated.map((c) => [c.agentId, c.agentName]));
  const customers = new Map(generated.map((c) => [c.customerId, c.customerName]));
  await insertParties(db, 'agents', 'agent_id', agents);
  await insertParties(db, 'customers', 'customer_id', customers);

  for (let start = 0; start < generated.length; start += 200) {
    const batch = generated.slice(start, start + 200);
    const texts = batch.map((c) => parseTranscript(c.transcript));
    const vectors = await provider.embed(texts.map((utterances) => utterances.map((u) => u.text).join('\n')));
    const rows = batch.map((call, i) => {
      const utterances = texts[i].map((u) => ({ ...u, sentiment: 0 }));
      const agentWords = countWords(utterances.filter((u) => u.speaker === 'AGENT').map((u) => u.text).join(' '));
      const allWords = countWords(utterances.map((u) => u.text).join(' '));
      const talkRatio = allWords === 0 ? 0 : round(agentWords / allWords);
      const sentiment = round(rand() * 2 - 1, 3);
      const insights = {
        agentWordCount: agentWords, customerWordCount: allWords - agentWords, speakerSwitches: Math.max(0, utterances.length - 1),
        longestAgentMonologueWords: 0, longestCustomerStoryWords: 0, agentQuestionCount: 0, agentSentimentScore: 0, customerSentimentTrend: 0, topics: [],
      };
      const nudges = [1, 2, 3].map((n) => ({ text: `Nudge ${n}.`, category: 'questions' }));
      const embedding = options.withoutEmbedding ? null : `[${Array.from(vectors[i]).join(',')}]`;
      return sql`(${call.callId + suffix}, ${call.agentId}, ${call.customerId}, ${call.language}, ${call.startTime}::timestamptz, ${call.durationSeconds},
        ${call.transcript}, ${talkRatio}, ${sentiment}, 0, '{}'::text[], ${JSON.stringify(utterances)}::jsonb, ${JSON.stringify(insights)}::jsonb,
        ${JSON.stringify(nudges)}::jsonb, ${embedding}::vector, ${options.withoutEmbedding ? null : modelId})`;
    });
    await db.execute(sql`insert into calls (call_id, agent_id, customer_id, language, start_time, duration_seconds, transcript,
        agent_talk_ratio, customer_sentiment_score, agent_sentiment_score, topics, utterances, insights, coaching_nudges, embedding, embedding_model)
      values ${sql.join(rows, sql`, `)}`);
  }
  return { callIds: generated.map((c) => c.callId + suffix), modelId };
}

async function insertParties(db: Database, table: 'agents' | 'customers', idColumn: string, names: Map<string, string>): Promise<void> {
  const rows = [...names].map(([id, name]) => sql`(${id}, ${name})`);
  for (let i = 0; i < rows.length; i += 1000) {
    await db.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(idColumn)}, name) values ${sql.join(rows.slice(i, i + 1000), sql`, `)} on conflict do nothing`,
    );
  }
}
