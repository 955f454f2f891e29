import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { enrichOne, vectorLiteral } from '../../../src/ingestion/enrichment/enrich-core.js';
import { embeddingProviderFromConfig } from '../../../src/ingestion/enrichment/enricher.js';
import { decodeCallsChanged, encodeCallsChanged } from '../../../src/ingestion/events.js';
import { analyzeTranscript, hashedNgramVector } from '../../../src/insights/index.js';

describe('enrichOne', () => {
  const transcript = 'Agent: What does your team pay today?\nCustomer: The price is too high, and a competitor is cheaper.';

  it('stores exactly what analyzeTranscript computes, with the hashed vector of its embedding text', () => {
    const outcome = enrichOne({ transcript, language: 'en' }, 384);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const analysis = analyzeTranscript(transcript, { language: 'en' });
    expect(JSON.parse(outcome.value.utterancesJson)).toEqual(analysis.utterances);
    expect(JSON.parse(outcome.value.insightsJson)).toEqual(analysis.insights);
    expect(JSON.parse(outcome.value.nudgesJson)).toEqual(analysis.nudges);
    expect(outcome.value.topics).toEqual(analysis.insights.topics);
    expect(outcome.value.agentTalkRatio).toBe(analysis.agentTalkRatio);
    expect(outcome.value.customerSentimentScore).toBe(analysis.customerSentimentScore);
    expect(outcome.value.agentSentimentScore).toBe(analysis.insights.agentSentimentScore);
    expect(outcome.value.embedding).toBe(vectorLiteral(hashedNgramVector(analysis.embeddingText, 384)));
    expect(outcome.value.embeddingText).toBe('');
  });

  it('leaves the vector to an external provider when no hashed dimension is given', () => {
    const outcome = enrichOne({ transcript, language: 'en' }, null);
    expect(outcome).toMatchObject({ ok: true, value: { embedding: null } });
    if (outcome.ok) expect(outcome.value.embeddingText.length).toBeGreaterThan(20);
  });
});

describe('vectorLiteral', () => {
  it('writes float32 values with 9 significant digits, so they read back as the same float32', () => {
    const vector = Float32Array.from([0.1, -0.333333343, 1e-8, 0, 1]);
    const literal = vectorLiteral(vector);
    expect(literal.startsWith('[') && literal.endsWith(']')).toBe(true);
    const back = Float32Array.from(literal.slice(1, -1).split(',').map(Number));
    expect([...back]).toEqual([...vector]);
  });
});

describe('calls.changed events', () => {
  it('round-trip through their JSON encoding and reject other messages', () => {
    const event = { callIds: ['C1'], agentIds: ['A1'], customerIds: [], at: '2026-01-01T00:00:00.000Z' };
    expect(decodeCallsChanged(encodeCallsChanged(event))).toEqual(event);
    expect(decodeCallsChanged('not json')).toBeNull();
    expect(decodeCallsChanged('{"callIds":[1]}')).toBeNull();
  });
});

describe('embeddingProviderFromConfig', () => {
  it('fails with a clear message when the configured dimension differs from the column', () => {
    expect(() => embeddingProviderFromConfig(parseConfig({ EMBEDDING_DIMENSIONS: '512' }))).toThrow(
      'EMBEDDING_DIMENSIONS is 512, but the calls.embedding column holds 384 dimensions',
    );
  });

  it('requires a base URL and a model for an openai-compatible provider, and names the model as modelId', () => {
    expect(() => embeddingProviderFromConfig(parseConfig({ EMBEDDING_PROVIDER: 'openai-compatible' }))).toThrow(
      'EMBEDDING_PROVIDER=openai-compatible needs EMBEDDING_BASE_URL and EMBEDDING_MODEL',
    );
    const provider = embeddingProviderFromConfig(
      parseConfig({ EMBEDDING_PROVIDER: 'openai-compatible', EMBEDDING_BASE_URL: 'http://127.0.0.1:9/v1', EMBEDDING_MODEL: 'text-embedding-3-small', EMBEDDING_API_KEY: 'k' }),
    );
    expect(provider).toMatchObject({ modelId: 'text-embedding-3-small', dimensions: 384 });
    expect(embeddingProviderFromConfig(parseConfig({})).modelId).toBe('hashed-ngram-v1-384');
  });
});
