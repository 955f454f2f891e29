import { describe, expect, it } from 'vitest';
import { DEFAULT_UNTIL, generateCalls, generateLabeledCalls } from '../../../src/synthetic/generator.js';
import { syntheticAgents } from '../../../src/synthetic/roster.js';
import type { SyntheticCall } from '../../../src/synthetic/types.js';
import { contractViolations, countWords, speakerLines } from './contract-helpers.js';

const DAY_MS = 86_400_000;

function take(count: number, seed: number, extra: Partial<Parameters<typeof generateCalls>[0]> = {}): SyntheticCall[] {
  return [...generateCalls({ calls: count, seed, ...extra })];
}

describe('generateCalls', () => {
  const calls = take(2_000, 7);

  it('gives identical calls for the same seed', () => {
    expect(take(200, 42)).toEqual(take(200, 42));
  });

  it('gives different calls for a different seed', () => {
    const a = take(200, 42);
    const b = take(200, 43);
    const same = a.filter((call, i) => call.transcript === b[i].transcript).length;
    expect(same).toBeLessThan(5);
  });

  it('makes call i independent of the offset it is generated from', () => {
    const whole = take(60, 9, { customers: 80 });
    const tail = take(20, 9, { customers: 80, offset: 40 });
    expect(tail).toEqual(whole.slice(40));
  });

  it('numbers calls from CALL-000000001 upwards', () => {
    expect(calls[0].callId).toBe('CALL-000000001');
    expect(calls[41].callId).toBe('CALL-000000042');
    expect(new Set(calls.map((call) => call.callId)).size).toBe(calls.length);
  });

  it('keeps every call within the CallInput limits', () => {
    for (const call of calls) {
      expect(contractViolations(call, DEFAULT_UNTIL.getTime()), call.callId).toEqual([]);
      expect(['en', 'es', 'fr', 'de']).toContain(call.language);
      expect(call.agentId).toMatch(/^AGENT-\d{3}$/);
      expect(call.customerId).toMatch(/^CUST-\d{5}$/);
    }
  });

  it('starts every transcript with an Agent or Customer line', () => {
    for (const call of calls) expect(call.transcript).toMatch(/^(Agent|Customer): \S/);
  });

  it('never puts a colon in a continuation line, so it cannot pass for a speaker', () => {
    for (const call of calls) {
      for (const line of speakerLines(call.transcript)) if (!line.prefixed) expect(line.text).not.toContain(':');
    }
  });

  it('writes ISO start times with milliseconds inside the window before until', () => {
    const until = new Date('2025-03-01T12:00:00.000Z');
    for (const call of take(500, 3, { until, days: 10 })) {
      expect(call.startTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const start = Date.parse(call.startTime);
      expect(start).toBeLessThanOrEqual(until.getTime());
      expect(start).toBeGreaterThan(until.getTime() - 10 * DAY_MS);
    }
  });

  it('prefers weekdays and business hours', () => {
    const weekend = calls.filter((call) => [0, 6].includes(new Date(call.startTime).getUTCDay())).length;
    expect(weekend / calls.length).toBeLessThan(0.08);
  });

  it('gives an agent the same name in every call and in syntheticAgents', () => {
    const names = new Map(syntheticAgents(7, 20).map((agent) => [agent.agentId, agent.name]));
    for (const call of calls) expect(call.agentName).toBe(names.get(call.agentId));
    const customers = new Map<string, string>();
    for (const call of calls) {
      expect(customers.get(call.customerId) ?? call.customerName).toBe(call.customerName);
      customers.set(call.customerId, call.customerName);
    }
  });

  it('makes duration follow transcript length at about 150 words a minute', () => {
    const words = calls.map((call) => countWords(call.transcript));
    const minutes = calls.map((call) => call.durationSeconds / 60);
    const wordsPerMinute = words.reduce((a, b) => a + b, 0) / minutes.reduce((a, b) => a + b, 0);
    expect(wordsPerMinute).toBeGreaterThan(110);
    expect(wordsPerMinute).toBeLessThan(170);
    expect(correlation(words, minutes)).toBeGreaterThan(0.95);
  });

  it('keeps typical transcripts between 1.5k and 8k characters with rare long calls', () => {
    const lengths = calls.map((call) => call.transcript.length).sort((a, b) => a - b);
    expect(lengths[Math.floor(lengths.length * 0.1)]).toBeGreaterThan(1_500);
    expect(lengths[Math.floor(lengths.length * 0.9)]).toBeLessThan(8_000);
    const long = lengths.filter((length) => length >= 30_000).length;
    expect(long).toBeGreaterThan(0);
    expect(long / lengths.length).toBeLessThan(0.02);
  });

  it('rejects bad options before generating anything', () => {
    expect(() => generateCalls({ calls: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateCalls({ calls: 1.5, seed: 1 })).toThrow(/calls must be an integer/);
    expect(() => generateCalls({ calls: 1, seed: 1, agents: 0 })).toThrow(/agents/);
    expect(() => generateCalls({ calls: 1, seed: 1, until: new Date('nope') })).toThrow(/until/);
  });

  it('labels each call with 1-3 topics and the agent persona', () => {
    const styles = new Map(syntheticAgents(11, 20).map((agent) => [agent.agentId, agent.style]));
    for (const { call, labels } of generateLabeledCalls({ calls: 300, seed: 11 })) {
      expect(labels.topics.length).toBeGreaterThanOrEqual(1);
      expect(labels.topics.length).toBeLessThanOrEqual(3);
      expect(new Set(labels.topics).size).toBe(labels.topics.length);
      expect(labels.style).toBe(styles.get(call.agentId));
    }
  });

  it('generates 10,000 calls quickly (rate printed, not asserted)', () => {
    const started = performance.now();
    let count = 0;
    let chars = 0;
    for (const call of generateCalls({ calls: 10_000, seed: 5 })) {
      count++;
      chars += call.transcript.length;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`generated ${count} calls (${(chars / 1e6).toFixed(1)}M chars) in ${seconds.toFixed(2)}s = ${Math.round(count / seconds)} calls/s`);
    expect(count).toBe(10_000);
  });
});

function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
