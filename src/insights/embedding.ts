import { HashedNgramEmbeddingProvider, type HashedNgramOptions } from './hashed-embedding.js';
import { OpenAICompatibleEmbeddingProvider, type OpenAICompatibleOptions } from './openai-embedding.js';

import type { EmbeddingProvider } from './embedding-provider.js';

export type { EmbeddingProvider } from './embedding-provider.js';
export { HashedNgramEmbeddingProvider, hashedNgramVector, type HashedNgramOptions } from './hashed-embedding.js';
export { OpenAICompatibleEmbeddingProvider, type OpenAICompatibleOptions } from './openai-embedding.js';

/** Which provider to build; parsed from config elsewhere, never from the environment here. */
export type EmbeddingProviderOptions =
  | ({ kind: 'hashed-ngram' } & HashedNgramOptions)
  | ({ kind: 'openai-compatible' } & OpenAICompatibleOptions);

export function createEmbeddingProvider(options: EmbeddingProviderOptions): EmbeddingProvider {
  switch (options.kind) {
    case 'hashed-ngram':
      return new HashedNgramEmbeddingProvider(options);
    case 'openai-compatible':
      return new OpenAICompatibleEmbeddingProvider(options);
  }
}

/**
 * Cosine similarity in [-1, 1]. 0 when either vector is all zeros (text
 * without words), where the cosine is undefined.
 */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`cannot compare vectors of ${a.length} and ${b.length} dimensions`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  if (normA === 0 || normB === 0) return 0;
  return Math.max(-1, Math.min(1, dot / Math.sqrt(normA * normB)));
}
