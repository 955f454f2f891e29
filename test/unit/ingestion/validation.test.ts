import { describe, expect, it } from 'vitest';
import { charCount } from '../../../src/common/text.js';
import { canonicalLanguageTag } from '../../../src/common/language-tag.js';
import {
  MAX_TRANSCRIPT_CHARS,
  validateCall,
  validateParty,
} from '../../../src/ingestion/ingestion.validation.js';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const valid = {
  callId: 'CALL-1',
  agentId: 'AGENT-1',
  customerId: 'CUST-1',
  language: 'en',
  startTime: '2026-05-31T10:00:00Z',
  durationSeconds: 300,
  transcript: 'Agent: Hello there.\nCustomer: Hi.',
};

function problems(overrides: Record<string, unknown>): string[] {
  const result = validateCall({ ...valid, ...overrides }, NOW);
  return result.ok ? [] : result.problems;
}

describe('validateCall', () => {
  it('accepts a complete valid call and defaults the language to en', () => {
    const result = validateCall({ ...valid, language: undefined }, NOW);
    expect(result).toEqual({
      ok: true,
      value: { ...valid, language: 'en', startTime: new Date(valid.startTime), agentName: null, customerName: null },
    });
    expect(validateCall({ ...valid, language: null }, NOW)).toMatchObject({ ok: true, value: { language: 'en' } });
  });

  it('accepts callIds of 1 to 50 characters of letters, digits, _ and - and rejects everything else', () => {
    for (const callId of ['a', 'A_b-9', 'x'.repeat(50)]) expect(problems({ callId })).toEqual([]);
    for (const callId of ['', 'x'.repeat(51), 'CALL 42', 'CALL#42', 'call/42', 'ÇALL', 'CALL.42', 42, null]) {
      const [problem] = problems({ callId });
      expect(problem).toMatch(/^callId must be 1 to 50 characters/);
    }
    expect(problems({ callId: 'x'.repeat(51) })[0]).toContain('(51 characters)');
  });

  it('accepts durations 1 and 14400 and rejects 0, 14401, fractions and non-numbers, naming the range', () => {
    expect(problems({ durationSeconds: 1 })).toEqual([]);
    expect(problems({ durationSeconds: 14_400 })).toEqual([]);
    for (const durationSeconds of [0, 14_401, -5, 1.5, '60', null]) {
      expect(problems({ durationSeconds })).toEqual([`durationSeconds must be an integer from 1 to 14400; got ${JSON.stringify(durationSeconds)}`]);
    }
  });

  it('accepts transcripts of 10 and 200,000 characters and rejects 9 and 200,001, with the count', () => {
    expect(problems({ transcript: 'x'.repeat(10) })).toEqual([]);
    expect(problems({ transcript: 'x'.repeat(MAX_TRANSCRIPT_CHARS) })).toEqual([]);
    expect(problems({ transcript: 'x'.repeat(9) })).toEqual(['transcript must have 10 to 200000 characters; got 9']);
    expect(problems({ transcript: 'x'.repeat(200_001) })).toEqual(['transcript must have 10 to 200000 characters; got 200001']);
    expect(problems({ transcript: '' })).toEqual(['transcript must have 10 to 200000 characters; got 0']);
    expect(problems({ transcript: 12 })[0]).toMatch(/^transcript must be a string/);
  });

  it('counts characters as code points, so an emoji is one character as in PostgreSQL', () => {
    expect(charCount('😀😀')).toBe(2);
    expect(problems({ transcript: '😀'.repeat(9) })).toEqual(['transcript must have 10 to 200000 characters; got 9']);
    expect(problems({ transcript: '😀'.repeat(10) })).toEqual([]);
  });

  it('rejects lone UTF-16 surrogates, which jsonb refuses and text columns would silently replace', () => {
    expect(problems({ transcript: 'Agent: hi \ud800 there' })).toEqual(['transcript must not contain unpaired UTF-16 surrogates (invalid Unicode)']);
    expect(problems({ agentName: 'Ann \udfff' })).toEqual(['agentName must not contain unpaired UTF-16 surrogates (invalid Unicode)']);
    expect(problems({ transcript: 'Agent: an emoji 😀 is a pair, and fine.' })).toEqual([]);
  });

  it('rejects NUL characters, which PostgreSQL text cannot store', () => {
    expect(problems({ transcript: 'Agent: hi\u0000 there' })).toEqual(['transcript must not contain NUL characters (U+0000)']);
    expect(problems({ agentId: 'A\u0000' })).toEqual(['agentId must not contain NUL characters (U+0000)']);
    expect(problems({ customerName: 'Acme\u0000' })).toEqual(['customerName must not contain NUL characters (U+0000)']);
  });

  it('accepts a startTime exactly one day ahead and rejects one second more', () => {
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    expect(problems({ startTime: tomorrow.toISOString() })).toEqual([]);
    const [problem] = problems({ startTime: new Date(tomorrow.getTime() + 1_000).toISOString() });
    expect(problem).toBe('startTime must be at most 24 hours in the future (not after 2026-06-02T12:00:00.000Z); got 2026-06-02T12:00:01.000Z');
    expect(problems({ startTime: new Date('2020-01-01T00:00:00Z') })).toEqual([]);
  });

  it('rejects startTimes that are not ISO-8601 instants with a time zone', () => {
    for (const startTime of ['2026-05-31', '2026-05-31T10:00:00', 'yesterday', 1_700_000_000]) {
      expect(problems({ startTime })[0]).toMatch(/^startTime must be an ISO-8601 date-time/);
    }
    expect(problems({ startTime: '2026-13-45T10:00:00Z' })).toEqual(['startTime is not a real calendar date; got "2026-13-45T10:00:00Z"']);
    expect(problems({ startTime: '0000-01-01T00:00:00Z' })).toEqual(['startTime must fall in the years 1 to 9999 (UTC); got "0000-01-01T00:00:00Z"']);
  });

  it('accepts language tags such as en, es, fr, de, pt-BR and zh-Hant-TW in canonical case and rejects malformed ones', () => {
    for (const [tag, canonical] of [['en', 'en'], ['ES', 'es'], ['pt-br', 'pt-BR'], ['zh-hant-tw', 'zh-Hant-TW'], ['de-CH-1996', 'de-CH-1996']]) {
      expect(validateCall({ ...valid, language: tag }, NOW)).toMatchObject({ ok: true, value: { language: canonical } });
    }
    for (const language of ['en_US', 'e', '12', 'en-', 'english!', 'fr--CA', 'en US', '-de', `en-${'a'.repeat(9)}`, 5]) {
      expect(problems({ language })[0]).toMatch(/^language must be a language tag/);
    }
    expect(canonicalLanguageTag('EN-gb')).toBe('en-GB');
  });

  it('requires agentId and customerId of 1 to 50 characters', () => {
    expect(problems({ agentId: 'a'.repeat(50) })).toEqual([]);
    expect(problems({ agentId: 'a'.repeat(51) })).toEqual(['agentId must have at most 50 characters; got 51']);
    expect(problems({ customerId: '' })).toEqual(['customerId must not be empty']);
    expect(problems({ customerId: '   ' })).toEqual(['customerId must not be empty']);
    expect(problems({ agentId: undefined })).toEqual(['agentId must be a string; got nothing']);
  });

  it('accepts agent and customer names of 1 to 100 characters', () => {
    expect(validateCall({ ...valid, agentName: 'A', customerName: 'c'.repeat(100) }, NOW)).toMatchObject({
      ok: true,
      value: { agentName: 'A', customerName: 'c'.repeat(100) },
    });
    expect(problems({ agentName: '' })).toEqual(['agentName must not be empty']);
    expect(problems({ customerName: 'c'.repeat(101) })).toEqual(['customerName must have at most 100 characters; got 101']);
  });

  it('reports every problem of an item in one message and refuses non-objects', () => {
    expect(problems({ durationSeconds: 0, transcript: 'short' })).toHaveLength(2);
    expect(validateCall(null, NOW)).toEqual({ ok: false, problems: ['a call must be an object; got null'] });
    expect(validateCall([valid], NOW).ok).toBe(false);
  });
});

describe('validateParty', () => {
  it('accepts an id, a name and an optional plausible email', () => {
    expect(validateParty({ agentId: 'A-1', name: 'Ann' }, 'agentId')).toEqual({ ok: true, value: { id: 'A-1', name: 'Ann', email: null } });
    expect(validateParty({ customerId: 'C-1', name: 'Cy', email: 'cy@example.com' }, 'customerId')).toEqual({
      ok: true,
      value: { id: 'C-1', name: 'Cy', email: 'cy@example.com' },
    });
  });

  it('rejects empty or long ids and names and implausible or long emails', () => {
    const check = (item: Record<string, unknown>) => {
      const result = validateParty({ agentId: 'A-1', name: 'Ann', ...item }, 'agentId');
      return result.ok ? [] : result.problems;
    };
    expect(check({ agentId: '' })).toEqual(['agentId must not be empty']);
    expect(check({ agentId: 'a'.repeat(51) })).toEqual(['agentId must have at most 50 characters; got 51']);
    expect(check({ name: '' })).toEqual(['name must not be empty']);
    expect(check({ name: 'n'.repeat(100) })).toEqual([]);
    expect(check({ name: 'n'.repeat(101) })).toEqual(['name must have at most 100 characters; got 101']);
    for (const email of ['nope', 'a@b', 'a b@c.de', '@c.de', 'a@@c.de']) expect(check({ email })[0]).toMatch(/^email must look like/);
    const long = `${'a'.repeat(250)}@c.com`;
    expect(check({ email: long })).toEqual(['email must have at most 255 characters; got 256']);
    expect(check({ email: `${'a'.repeat(249)}@c.com` })).toEqual([]);
  });
});
