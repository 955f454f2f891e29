import { analyzeTranscript, hashedNgramVector } from '../../insights/index.js';

/** What the enrichment step needs of a call. */
export interface EnrichInput {
  transcript: string;
  language: string;
}

/**
 * A call's derived columns, already in the form the INSERT sends: JSON as
 * text and the vector as a pgvector literal. Serialising here (in the worker,
 * when there is one) keeps that CPU off the main thread too.
 */
export interface Enrichment {
  agentTalkRatio: number;
  customerSentimentScore: number;
  agentSentimentScore: number;
  topics: string[];
  utterancesJson: string;
  insightsJson: string;
  nudgesJson: string;
  /** Input of an external embedding provider; empty when the vector is already computed. */
  embeddingText: string;
  /** `[0.1,-0.2,...]`, or null until an external provider has embedded `embeddingText`. */
  embedding: string | null;
}

export type EnrichOutcome = { ok: true; value: Enrichment } | { ok: false; message: string };

/**
 * float32 needs 9 significant digits to round-trip; the shortest double
 * spelling of a float32 is often 17, which doubles the statement size.
 */
export function vectorLiteral(vector: ArrayLike<number>): string {
  const parts = new Array<string>(vector.length);
  for (let i = 0; i < vector.length; i++) {
    const value = vector[i];
    parts[i] = value === 0 ? '0' : String(Number(value.toPrecision(9)));
  }
  return `[${parts.join(',')}]`;
}

/**
 * Analyses one transcript; with `hashedDimensions`, also computes the offline
 * embedding. Never throws: a failure is that item's error, not the batch's.
 */
export function enrichOne(input: EnrichInput, hashedDimensions: number | null): EnrichOutcome {
  try {
    const analysis = analyzeTranscript(input.transcript, { language: input.language });
    const embedding = hashedDimensions === null ? null : vectorLiteral(hashedNgramVector(analysis.embeddingText, hashedDimensions));
    return {
      ok: true,
      value: {
        agentTalkRatio: analysis.agentTalkRatio,
        customerSentimentScore: analysis.customerSentimentScore,
        agentSentimentScore: analysis.insights.agentSentimentScore,
        topics: analysis.insights.topics,
        utterancesJson: JSON.stringify(analysis.utterances),
        insightsJson: JSON.stringify(analysis.insights),
        nudgesJson: JSON.stringify(analysis.nudges),
        embeddingText: embedding === null ? analysis.embeddingText : '',
        embedding,
      },
    };
  } catch (err) {
    return { ok: false, message: `enrichment failed: ${(err as Error).message}` };
  }
}
