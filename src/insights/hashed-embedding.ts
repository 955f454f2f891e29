import type { EmbeddingProvider } from './embedding-provider.js';
import { words } from './words.js';

/** Options of {@link HashedNgramEmbeddingProvider}. */
export interface HashedNgramOptions {
  /** Length of every vector. Default: 384. */
  dimensions?: number;
}

const DEFAULT_DIMENSIONS = 384;

// Words that carry no topic; left in, they would make every call look alike.
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from',
  'is', 'are', 'was', 'were', 'be', 'been', 'it', "it's", 'this', 'that', 'i', "i'm", 'you', 'we',
  "we're", 'they', 'he', 'she', 'my', 'your', 'our', 'their', 'so', 'do', 'just', 'uh', 'um',
]);

/** FNV-1a, 32 bits, over UTF-16 code units. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// MurmurHash3's finaliser: a second, independent-looking hash for the sign,
// so that colliding features tend to cancel rather than pile up.
function mix32(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function assertDimensions(dimensions: number): void {
  if (!Number.isInteger(dimensions) || dimensions < 1) {
    throw new Error(`hashed embedding dimensions must be a positive integer, got ${dimensions}`);
  }
}

function featureCounts(text: string): Map<string, number> {
  const tokens = words(text.normalize('NFC').toLowerCase()).filter((token) => !STOP_WORDS.has(token));
  const counts = new Map<string, number>();
  const add = (feature: string): void => {
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
  };
  tokens.forEach((token, i) => {
    add(token);
    // The space keeps a bigram from ever equalling a unigram.
    if (i > 0) add(`${tokens[i - 1]} ${token}`);
  });
  return counts;
}

/**
 * The hashed unigram + bigram vector of `text`: lower-cased contract words
 * minus a few English stop words, sublinear tf (1 + ln tf), signed feature
 * hashing, L2-normalised. Text without words gives the all-zero vector, whose
 * cosine similarity is undefined: treat it as 0 (see cosineSimilarity), and
 * note that pgvector's `<=>` returns NaN for it.
 */
export function hashedNgramVector(text: string, dimensions: number = DEFAULT_DIMENSIONS): Float32Array {
  assertDimensions(dimensions);
  const vector = new Float64Array(dimensions);
  for (const [feature, count] of featureCounts(text)) {
    const hash = fnv1a32(feature);
    const sign = (mix32(hash) & 1) === 0 ? 1 : -1;
    vector[hash % dimensions] += sign * (1 + Math.log(count));
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  return Float32Array.from(vector, (value) => (norm === 0 ? 0 : value / norm));
}

/** Offline, deterministic embeddings; the default provider. */
export class HashedNgramEmbeddingProvider implements EmbeddingProvider {
  readonly modelId: string;
  readonly dimensions: number;

  constructor(options: HashedNgramOptions = {}) {
    const dimensions = options.dimensions ?? DEFAULT_DIMENSIONS;
    assertDimensions(dimensions);
    this.dimensions = dimensions;
    // The id names the algorithm version: vectors from different ids must not be compared.
    this.modelId = `hashed-ngram-v1-${dimensions}`;
  }

  /** The same vector as embed(), without the promise, for synchronous pipelines. */
  embedOne(text: string): Float32Array {
    return hashedNgramVector(text, this.dimensions);
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    return Promise.resolve(texts.map((text) => this.embedOne(text)));
  }
}
