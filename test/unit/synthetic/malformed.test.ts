import { describe, expect, it } from 'vitest';
import { MALFORMED_REASONS, malformedCalls } from '../../../src/synthetic/malformed.js';
import { contractViolations } from './contract-helpers.js';

const now = new Date('2026-06-15T10:00:00.000Z');

describe('malformedCalls', () => {
  const items = malformedCalls(40, 3, { now });

  it('tags every item with an ingestion error code', () => {
    expect(items).toHaveLength(40);
    for (const item of items) expect(['BAD_USER_INPUT', 'UNKNOWN_AGENT', 'UNKNOWN_CUSTOMER']).toContain(item.expectedCode);
  });

  it('covers every defect within the first few items', () => {
    const reasons = new Set(malformedCalls(MALFORMED_REASONS.length, 3, { now }).map((item) => item.reason));
    expect([...reasons].sort()).toEqual([...MALFORMED_REASONS].sort());
  });

  it('breaks a CallInput limit in every BAD_USER_INPUT item', () => {
    for (const item of items.filter((entry) => entry.expectedCode === 'BAD_USER_INPUT')) {
      expect(contractViolations(item.input, now.getTime()), item.reason).not.toEqual([]);
    }
  });

  it('breaks exactly the rule it names', () => {
    const rule: Record<string, string> = {
      'callId-pattern': 'callId',
      'callId-too-long': 'callId',
      'duration-range': 'durationSeconds',
      'transcript-too-short': 'transcript',
      'transcript-too-long': 'transcript',
      'startTime-in-future': 'startTime',
      'language-tag': 'language',
    };
    for (const item of items) {
      const expected = rule[item.reason] === undefined ? [] : [rule[item.reason]];
      expect(contractViolations(item.input, now.getTime()), item.reason).toEqual(expected);
    }
  });

  it('leaves the name out for an unknown agent or customer, and only then', () => {
    for (const { input, expectedCode } of items) {
      expect(input.agentName === undefined).toBe(expectedCode === 'UNKNOWN_AGENT');
      expect(input.customerName === undefined).toBe(expectedCode === 'UNKNOWN_CUSTOMER');
    }
  });

  it('puts future start times more than a day ahead and oversize transcripts past 200,000 characters', () => {
    for (const { input, reason } of items) {
      if (reason === 'startTime-in-future') expect(Date.parse(input.startTime) - now.getTime()).toBeGreaterThan(86_400_000);
      if (reason === 'transcript-too-long') expect(input.transcript.length).toBeGreaterThan(200_000);
      if (reason === 'callId-too-long') expect(input.callId.length).toBeGreaterThan(50);
    }
  });

  it('is deterministic for a seed and a clock', () => {
    expect(malformedCalls(12, 8, { now })).toEqual(malformedCalls(12, 8, { now }));
  });
});
