import { describe, expect, it } from 'vitest';
import {
  cosineSimilarity,
  createEmbeddingProvider,
  HashedNgramEmbeddingProvider,
  hashedNgramVector,
  OpenAICompatibleEmbeddingProvider,
} from '../../../src/insights/embedding.js';
import { fnv1a32 } from '../../../src/insights/hashed-embedding.js';

const norm = (vector: ArrayLike<number>) => Math.sqrt(Array.from(vector).reduce((sum, v) => sum + v * v, 0));

describe('HashedNgramEmbeddingProvider', () => {
  it('names its model by algorithm and dimensions', () => {
    expect(new HashedNgramEmbeddingProvider()).toMatchObject({ modelId: 'hashed-ngram-v1-384', dimensions: 384 });
    expect(new HashedNgramEmbeddingProvider({ dimensions: 64 })).toMatchObject({ modelId: 'hashed-ngram-v1-64', dimensions: 64 });
  });

  it('rejects dimensions that are not positive integers', () => {
    expect(() => new HashedNgramEmbeddingProvider({ dimensions: 0 })).toThrow(/positive integer, got 0/);
    expect(() => new HashedNgramEmbeddingProvider({ dimensions: 1.5 })).toThrow(/positive integer/);
  });

  it('returns one unit-length vector of the configured size per text, in order', async () => {
    const provider = new HashedNgramEmbeddingProvider({ dimensions: 128 });
    const vectors = await provider.embed(['pricing is too high', 'Salesforce integration', 'ok']);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(128);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    expect(vectors[1]).toEqual(provider.embedOne('Salesforce integration'));
  });

  it('is deterministic across calls and instances', async () => {
    const text = 'The renewal quote is too expensive; we might switch to a competitor.';
    const [a] = await new HashedNgramEmbeddingProvider().embed([text]);
    const [b] = await new HashedNgramEmbeddingProvider().embed([text]);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('uses the FNV-1a 32-bit reference hash', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('ignores case, stop words and punctuation', () => {
    expect(Array.from(hashedNgramVector('The PRICE, of the license!'))).toEqual(Array.from(hashedNgramVector('price license')));
  });

  it('places similar texts closer than unrelated ones', () => {
    const pricing = hashedNgramVector('The annual license price is too expensive for our budget');
    const pricingAgain = hashedNgramVector('Our budget cannot cover the license price, too expensive');
    const security = hashedNgramVector('Do you have SOC 2 and single sign-on with Okta?');
    expect(cosineSimilarity(pricing, pricingAgain)).toBeGreaterThan(0.4);
    expect(cosineSimilarity(pricing, pricingAgain)).toBeGreaterThan(cosineSimilarity(pricing, security) + 0.3);
    expect(cosineSimilarity(pricing, pricing)).toBeCloseTo(1, 5);
  });

  it('gives the all-zero vector for text without words, with similarity 0', () => {
    const empty = hashedNgramVector(' ... 😊 ', 32);
    expect(Array.from(empty)).toEqual(new Array(32).fill(0));
    expect(cosineSimilarity(empty, hashedNgramVector('hello', 32))).toBe(0);
  });

  it('treats NFC and NFD spellings alike', () => {
    expect(Array.from(hashedNgramVector('café crème'))).toEqual(Array.from(hashedNgramVector('cafe\u0301 cre\u0300me')));
  });
});

describe('cosineSimilarity', () => {
  it('refuses vectors of different lengths', () => {
    expect(() => cosineSimilarity([1, 0], [1, 0, 0])).toThrow(/2 and 3 dimensions/);
  });

  it('is -1 for opposite vectors', () => {
    expect(cosineSimilarity([1, 2], [-1, -2])).toBeCloseTo(-1, 12);
  });
});

interface Captured {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (body: { model: string; input: string[]; dimensions: number }) => Response) {
  const calls: Captured[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(url), init: init ?? {} });
    return respond(JSON.parse(String(init?.body)));
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const vectorsFor = (input: string[], dimensions: number) =>
  input.map((text, index) => ({ index, embedding: Array.from({ length: dimensions }, (_, k) => text.length + k) }));

describe('OpenAICompatibleEmbeddingProvider', () => {
  const base = { baseUrl: 'https://llm.example/v1/', apiKey: 'sk-test', model: 'text-embedding-3-small', dimensions: 3 };

  it('posts model, input and dimensions to /embeddings with a bearer token', async () => {
    const { calls, fetch } = fakeFetch(({ input, dimensions }) => json({ data: vectorsFor(input, dimensions) }));
    const provider = new OpenAICompatibleEmbeddingProvider({ ...base, fetch });
    const vectors = await provider.embed(['ab', 'abcd']);

    expect(provider.modelId).toBe('text-embedding-3-small');
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('https://llm.example/v1/embeddings');
    expect(calls[0].init.method).toBe('POST');
    expect(calls[0].init.headers).toMatchObject({ authorization: 'Bearer sk-test', 'content-type': 'application/json' });
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ model: 'text-embedding-3-small', input: ['ab', 'abcd'], dimensions: 3 });
    expect(vectors.map((vector) => Array.from(vector))).toEqual([
      [2, 3, 4],
      [4, 5, 6],
    ]);
  });

  it('orders vectors by the returned index', async () => {
    const { fetch } = fakeFetch(({ input, dimensions }) => json({ data: vectorsFor(input, dimensions).reverse() }));
    const vectors = await new OpenAICompatibleEmbeddingProvider({ ...base, fetch }).embed(['a', 'abc']);
    expect(vectors.map((vector) => vector[0])).toEqual([1, 3]);
  });

  it('splits large inputs into batches and keeps the order', async () => {
    const { calls, fetch } = fakeFetch(({ input, dimensions }) => json({ data: vectorsFor(input, dimensions) }));
    const texts = ['a', 'bb', 'ccc', 'dddd', 'eeeee'];
    const vectors = await new OpenAICompatibleEmbeddingProvider({ ...base, fetch, batchSize: 2 }).embed(texts);
    expect(calls).toHaveLength(3);
    expect(vectors.map((vector) => vector[0])).toEqual([1, 2, 3, 4, 5]);
  });

  it('makes no request for no texts and sends no authorization without a key', async () => {
    const { calls, fetch } = fakeFetch(({ input, dimensions }) => json({ data: vectorsFor(input, dimensions) }));
    const provider = new OpenAICompatibleEmbeddingProvider({ ...base, apiKey: undefined, fetch });
    expect(await provider.embed([])).toEqual([]);
    expect(calls).toHaveLength(0);
    await provider.embed(['x']);
    expect(calls[0].init.headers).not.toHaveProperty('authorization');
  });

  it('throws with the status and body on an HTTP error, without the key', async () => {
    const { fetch } = fakeFetch(() => json({ error: { message: 'model not found' } }, 404));
    const failing = new OpenAICompatibleEmbeddingProvider({ ...base, fetch }).embed(['x']);
    await expect(failing).rejects.toThrow(/HTTP 404: .*model not found/);
    await expect(failing).rejects.not.toThrow(/sk-test/);
  });

  it('throws when the response has the wrong number of vectors', async () => {
    const { fetch } = fakeFetch(({ input, dimensions }) => json({ data: vectorsFor(input, dimensions).slice(1) }));
    await expect(new OpenAICompatibleEmbeddingProvider({ ...base, fetch }).embed(['a', 'b'])).rejects.toThrow(
      /has 1 vectors, expected 2/,
    );
    const { fetch: noData } = fakeFetch(() => json({ object: 'list' }));
    await expect(new OpenAICompatibleEmbeddingProvider({ ...base, fetch: noData }).embed(['a'])).rejects.toThrow(
      /has no vectors, expected 1/,
    );
  });

  it('throws when a vector has the wrong dimensions or non-numbers', async () => {
    const { fetch } = fakeFetch(({ input }) => json({ data: vectorsFor(input, 4) }));
    await expect(new OpenAICompatibleEmbeddingProvider({ ...base, fetch }).embed(['a'])).rejects.toThrow(
      /embedding 0 .* is not a vector of 3 finite numbers/,
    );
    const { fetch: strings } = fakeFetch(() => json({ data: [{ index: 0, embedding: ['1', '2', '3'] }] }));
    await expect(new OpenAICompatibleEmbeddingProvider({ ...base, fetch: strings }).embed(['a'])).rejects.toThrow(
      /not a vector of 3 finite numbers/,
    );
  });

  it('throws on repeated or out-of-range indexes', async () => {
    const twice = [
      { index: 0, embedding: [1, 2, 3] },
      { index: 0, embedding: [1, 2, 3] },
    ];
    const { fetch } = fakeFetch(() => json({ data: twice }));
    await expect(new OpenAICompatibleEmbeddingProvider({ ...base, fetch }).embed(['a', 'b'])).rejects.toThrow(
      /bad or repeated index 0/,
    );
  });
});

describe('createEmbeddingProvider', () => {
  it('builds the provider named by kind', () => {
    expect(createEmbeddingProvider({ kind: 'hashed-ngram', dimensions: 16 })).toBeInstanceOf(HashedNgramEmbeddingProvider);
    const remote = createEmbeddingProvider({ kind: 'openai-compatible', ...{ baseUrl: 'http://x', model: 'm', dimensions: 8 } });
    expect(remote).toBeInstanceOf(OpenAICompatibleEmbeddingProvider);
    expect(remote).toMatchObject({ modelId: 'm', dimensions: 8 });
  });
});
