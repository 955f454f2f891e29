import { availableParallelism } from 'node:os';
import type { Config } from '../../config.js';
import { EMBEDDING_DIMENSIONS } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { createEmbeddingProvider, type EmbeddingProvider, HashedNgramEmbeddingProvider } from '../../insights/index.js';
import { enrichOne, type EnrichInput, type EnrichOutcome, vectorLiteral } from './enrich-core.js';
import { EnrichPool } from './enrich-pool.js';

/** Calls per message to a worker: big enough to amortise the copy, small enough to spread a batch over every worker. */
const CHUNK = 25;
/**
 * Transcript characters per message, whichever bound comes first: a worker's
 * heap holds a message, its parsed utterances and the JSON it answers with
 * (about 1.5 times the transcript): messages of 25 calls of 200,000
 * characters grew a worker's heap to ~180 MB (measured).
 */
const CHUNK_CHARS = 1_000_000;
/** Stop idle worker threads after this long, handing their heaps back to the OS (see EnrichPool). */
const IDLE_WORKER_MS = 5_000;

/** Turns transcripts into stored insights and vectors, off the main thread when workers are configured. */
export interface Enricher {
  /** The embedding model of every vector this enricher produces. */
  readonly modelId: string;
  readonly workers: number;
  /** One outcome per input, in input order. */
  enrich(items: EnrichInput[]): Promise<EnrichOutcome[]>;
  close(): Promise<void>;
}

/**
 * The configured embedding provider. Fails (at start-up) unless its vectors
 * fit the database column, so vectors of two shapes are never mixed.
 */
export function embeddingProviderFromConfig(config: Config): EmbeddingProvider {
  if (config.EMBEDDING_DIMENSIONS !== EMBEDDING_DIMENSIONS) {
    throw new Error(
      `EMBEDDING_DIMENSIONS is ${config.EMBEDDING_DIMENSIONS}, but the calls.embedding column holds ${EMBEDDING_DIMENSIONS} dimensions; ` +
        `configure the provider to produce ${EMBEDDING_DIMENSIONS}`,
    );
  }
  if (config.EMBEDDING_PROVIDER === 'hashed-ngram') return createEmbeddingProvider({ kind: 'hashed-ngram', dimensions: EMBEDDING_DIMENSIONS });
  if (!config.EMBEDDING_BASE_URL || !config.EMBEDDING_MODEL) {
    throw new Error('EMBEDDING_PROVIDER=openai-compatible needs EMBEDDING_BASE_URL and EMBEDDING_MODEL');
  }
  return createEmbeddingProvider({
    kind: 'openai-compatible',
    baseUrl: config.EMBEDDING_BASE_URL,
    apiKey: config.EMBEDDING_API_KEY,
    model: config.EMBEDDING_MODEL,
    dimensions: EMBEDDING_DIMENSIONS,
  });
}

/**
 * ENRICH_WORKERS, or else: for the server one thread per CPU but one (the
 * event loop keeps that one for other requests); for bulk commands one per
 * CPU, since nothing else waits on their event loop (on 2 CPUs that took the
 * import from 150 to 254 calls/s).
 */
export function workerCount(config: Pick<Config, 'ENRICH_WORKERS'>, purpose: 'server' | 'bulk' = 'server'): number {
  const cpus = availableParallelism();
  return config.ENRICH_WORKERS ?? (purpose === 'bulk' ? cpus : Math.max(1, cpus - 1));
}

/** Consecutive slices of at most CHUNK items and CHUNK_CHARS transcript characters (a longer item is a slice of its own). */
function chunkInputs(items: EnrichInput[]): EnrichInput[][] {
  const chunks: EnrichInput[][] = [];
  let chunk: EnrichInput[] = [];
  let chars = 0;
  for (const item of items) {
    if (chunk.length > 0 && (chunk.length >= CHUNK || chars + item.transcript.length > CHUNK_CHARS)) {
      chunks.push(chunk);
      chunk = [];
      chars = 0;
    }
    chunk.push(item);
    chars += item.transcript.length;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createEnricher(provider: EmbeddingProvider, workers: number): Enricher {
  // The hashed provider is pure CPU: it runs next to the analysis, in the same thread.
  const hashedDimensions = provider instanceof HashedNgramEmbeddingProvider ? provider.dimensions : null;
  const pool = workers > 0 ? new EnrichPool(workers, { idleMs: IDLE_WORKER_MS }) : null;

  const analyse = async (items: EnrichInput[]): Promise<EnrichOutcome[]> => {
    const chunks = chunkInputs(items);
    if (pool) return (await Promise.all(chunks.map((chunk) => pool.run(chunk, hashedDimensions)))).flat();
    const results: EnrichOutcome[] = [];
    for (const chunk of chunks) {
      // Inline mode still lets other requests in between chunks.
      for (const item of chunk) results.push(enrichOne(item, hashedDimensions));
      await yieldToEventLoop();
    }
    return results;
  };

  return {
    modelId: provider.modelId,
    workers,
    async enrich(items) {
      const results = await analyse(items);
      if (hashedDimensions !== null) return results;
      const waiting = results.filter((r) => r.ok && r.value.embedding === null);
      if (waiting.length === 0) return results;
      let vectors;
      try {
        vectors = await provider.embed(waiting.map((r) => (r.ok ? r.value.embeddingText : '')));
      } catch (err) {
        // The provider's message can hold its URL and a piece of its response
        // (which may echo the API key): it goes to the log under the errorId
        // (formatError), never to the client.
        throw new AppError('SERVICE_UNAVAILABLE', `the embedding provider did not answer; nothing of this batch was written`, { cause: err });
      }
      waiting.forEach((r, i) => {
        if (r.ok) r.value.embedding = vectorLiteral(vectors[i]);
      });
      return results;
    },
    close: async () => {
      await pool?.close();
    },
  };
}
