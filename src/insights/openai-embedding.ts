import type { EmbeddingProvider } from './embedding-provider.js';

/** Options of {@link OpenAICompatibleEmbeddingProvider}. */
export interface OpenAICompatibleOptions {
  /** API root such as `https://api.openai.com/v1`; `/embeddings` is appended. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. Omit for servers without auth. */
  apiKey?: string;
  /** Model name; also the provider's modelId. */
  model: string;
  /** Vector length: sent as `dimensions` and checked on every returned vector. */
  dimensions: number;
  /** HTTP client. Default: the global fetch. */
  fetch?: typeof fetch;
  /** Texts per request. Default: 128. */
  batchSize?: number;
  /** Per-request timeout in milliseconds. Default: 30,000. */
  timeoutMs?: number;
}

interface EmbeddingItem {
  index?: unknown;
  embedding?: unknown;
}

function isVector(value: unknown, dimensions: number): value is number[] {
  return (
    Array.isArray(value) &&
    value.length === dimensions &&
    value.every((component) => typeof component === 'number' && Number.isFinite(component))
  );
}

/** Embeddings through any server that speaks OpenAI's `POST /embeddings`. */
export class OpenAICompatibleEmbeddingProvider implements EmbeddingProvider {
  readonly modelId: string;
  readonly dimensions: number;
  readonly #options: OpenAICompatibleOptions;
  readonly #url: string;

  constructor(options: OpenAICompatibleOptions) {
    if (!Number.isInteger(options.dimensions) || options.dimensions < 1) {
      throw new Error(`embedding dimensions must be a positive integer, got ${options.dimensions}`);
    }
    this.modelId = options.model;
    this.dimensions = options.dimensions;
    this.#options = options;
    this.#url = `${options.baseUrl.replace(/\/+$/, '')}/embeddings`;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const batchSize = this.#options.batchSize ?? 128;
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      vectors.push(...(await this.#request(texts.slice(start, start + batchSize))));
    }
    return vectors;
  }

  async #request(input: string[]): Promise<Float32Array[]> {
    const { apiKey, model, dimensions, timeoutMs = 30_000 } = this.#options;
    const send = this.#options.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (apiKey !== undefined) headers.authorization = `Bearer ${apiKey}`;
    const response = await send(this.#url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model, input, dimensions }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      // Providers echo (parts of) the key in some error bodies; this text ends up in the log.
      let detail = (await response.text().catch(() => '')).slice(0, 300);
      if (apiKey) detail = detail.split(apiKey).join('[redacted]');
      throw new Error(`embedding request to ${this.#url} failed with HTTP ${response.status}: ${detail}`);
    }
    return this.#parse(await response.json(), input.length);
  }

  #parse(body: unknown, expected: number): Float32Array[] {
    const data = (body as { data?: unknown } | null)?.data;
    if (!Array.isArray(data) || data.length !== expected) {
      const got = Array.isArray(data) ? data.length : 'no';
      throw new Error(`embedding response from ${this.#url} has ${got} vectors, expected ${expected}`);
    }
    const vectors: Float32Array[] = new Array(expected);
    (data as EmbeddingItem[]).forEach((item, position) => {
      // OpenAI returns vectors in input order with an index; trust the index when present.
      const index = item?.index ?? position;
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= expected || vectors[index]) {
        throw new Error(`embedding response from ${this.#url} has a bad or repeated index ${String(index)}`);
      }
      if (!isVector(item?.embedding, this.dimensions)) {
        throw new Error(
          `embedding ${index} from ${this.#url} is not a vector of ${this.dimensions} finite numbers`,
        );
      }
      vectors[index] = Float32Array.from(item.embedding);
    });
    return vectors;
  }
}
