import { describe, expect, it } from 'vitest';
import { histogramBucketCount, histogramEdges, LeaderboardOrder, leaderboardRequest } from '../../../src/analytics/analytics.args.js';
import { isUtcMidnight, normalizeAnalyticsFilter, planAnalytics } from '../../../src/analytics/analytics.plan.js';
import { AppError } from '../../../src/errors.js';

const at = (iso: string) => new Date(iso);

function badInputArgument(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).extensions.code).toBe('BAD_USER_INPUT');
    return (err as AppError).extensions.argument;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

describe('planAnalytics', () => {
  it('reads the views when nothing is filtered', () => {
    expect(planAnalytics(undefined)).toBe('views');
    expect(planAnalytics(null)).toBe('views');
    expect(planAnalytics({})).toBe('views');
  });

  it('reads the views for agents, a language and whole UTC days, the grain of mv_daily_stats', () => {
    expect(planAnalytics({ agentIds: ['A', 'B'], language: 'en' })).toBe('views');
    expect(planAnalytics({ agentIds: [] })).toBe('views');
    expect(planAnalytics({ from: at('2026-09-01T00:00:00Z'), to: at('2026-10-01T00:00:00Z') })).toBe('views');
    expect(planAnalytics({ from: at('2026-09-01T02:00:00+02:00') })).toBe('views');
    expect(planAnalytics({ to: at('1969-12-31T00:00:00Z') })).toBe('views');
  });

  it('aggregates live when either end of the range cuts a UTC day', () => {
    expect(planAnalytics({ from: at('2026-09-01T00:00:00.001Z') })).toBe('live');
    expect(planAnalytics({ from: at('2026-09-01T00:00:00Z'), to: at('2026-09-02T12:00:00Z') })).toBe('live');
    expect(planAnalytics({ to: at('2026-09-02T00:00:00+01:00') })).toBe('live');
  });

  it('aggregates live for every filter when the views are switched off', () => {
    expect(planAnalytics(undefined, { useViews: false })).toBe('live');
    expect(planAnalytics({ from: at('2026-09-01T00:00:00Z') }, { useViews: false })).toBe('live');
  });

  it('rejects a range whose from is after its to, naming filter.from', () => {
    expect(badInputArgument(() => planAnalytics({ from: at('2026-09-02T00:00:00Z'), to: at('2026-09-01T00:00:00Z') }))).toBe('filter.from');
  });

  it('accepts an empty range (from equal to to) and an oversized id list is rejected', () => {
    expect(normalizeAnalyticsFilter({ from: at('2026-09-01T00:00:00Z'), to: at('2026-09-01T00:00:00Z') }).from).toEqual(at('2026-09-01T00:00:00Z'));
    const ids = Array.from({ length: 1001 }, (_, i) => `A${i}`);
    expect(badInputArgument(() => normalizeAnalyticsFilter({ agentIds: ids }))).toBe('filter.agentIds');
  });

  it('knows UTC midnight from any other instant', () => {
    expect(isUtcMidnight(at('2026-03-01T00:00:00Z'))).toBe(true);
    expect(isUtcMidnight(at('1960-03-01T00:00:00Z'))).toBe(true);
    expect(isUtcMidnight(at('2026-03-01T00:00:00-05:00'))).toBe(false);
  });
});

describe('the summary field arguments', () => {
  it('defaults the leaderboard to 10 agents by average sentiment with at least 1 call', () => {
    expect(leaderboardRequest({})).toEqual({ orderBy: LeaderboardOrder.AVG_SENTIMENT_DESC, first: 10, minCalls: 1 });
  });

  it('rejects first outside 1..100 and minCalls below 1, naming the argument', () => {
    expect(badInputArgument(() => leaderboardRequest({ first: 0 }))).toBe('first');
    expect(badInputArgument(() => leaderboardRequest({ first: 101 }))).toBe('first');
    expect(leaderboardRequest({ first: 100 }).first).toBe(100);
    expect(badInputArgument(() => leaderboardRequest({ minCalls: 0 }))).toBe('minCalls');
  });

  it('rejects 0 and 101 histogram buckets, naming buckets', () => {
    expect(badInputArgument(() => histogramBucketCount(0))).toBe('buckets');
    expect(badInputArgument(() => histogramBucketCount(101))).toBe('buckets');
    expect(histogramBucketCount(undefined)).toBe(10);
  });

  it('computes contiguous bucket edges from exactly -1 to exactly 1, each the correctly rounded (2i - n) / n', () => {
    for (const n of [1, 2, 3, 7, 10, 49, 100]) {
      const edges = histogramEdges(n);
      expect(edges).toHaveLength(n + 1);
      expect(edges[0]).toBe(-1);
      expect(edges[n]).toBe(1);
      for (let i = 1; i <= n; i++) {
        expect(edges[i]).toBeGreaterThan(edges[i - 1]);
        expect(Math.abs(edges[i] - (-1 + (2 * i) / n))).toBeLessThanOrEqual(Number.EPSILON);
      }
    }
    expect(histogramEdges(10)[3]).toBe(-0.4);
    expect(histogramEdges(10)[5]).toBe(0);
  });
});
