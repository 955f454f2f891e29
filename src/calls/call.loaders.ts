import DataLoader from 'dataloader';
import type { Database } from '../db/client.js';
import { byKeys, groupBy } from '../common/loader-utils.js';
import { type CallStatsRecord, EMPTY_STATS, findCallStatsByParent, type TimeRange } from './call-stats.repository.js';
import {
  type CallTexts,
  type CallWithPeople,
  countCallsByParent,
  findCallPagesByParent,
  findCallsByCallIds,
  findCallTexts,
  type PageQuery,
} from './call.repository.js';
import type { SQL } from 'drizzle-orm';

export type ParentColumn = 'agent_id' | 'customer_id';

/** One nested list request: which parent, and the validated query shared by its siblings. */
export interface ParentPageKey {
  parentId: string;
  /** Identifies `query` (and `where`); keys with the same argsKey are fetched together. */
  argsKey: string;
  query: PageQuery;
}

export interface ParentCountKey {
  parentId: string;
  argsKey: string;
  where: SQL | undefined;
}

export interface StatsKey extends TimeRange {
  parentId: string;
}

const statsCacheKey = (k: StatsKey) => `${k.parentId}|${k.from?.toISOString() ?? ''}|${k.to?.toISOString() ?? ''}`;

function statsLoader(db: Database, column: ParentColumn) {
  return new DataLoader<StatsKey, CallStatsRecord, string>(
    async (keys) => {
      const results = new Map<string, CallStatsRecord>();
      for (const group of groupBy(keys, (k) => `${k.from?.toISOString() ?? ''}|${k.to?.toISOString() ?? ''}`).values()) {
        const stats = await findCallStatsByParent(db, column, [...new Set(group.map((k) => k.parentId))], group[0]);
        for (const k of group) results.set(statsCacheKey(k), stats.get(k.parentId) ?? EMPTY_STATS);
      }
      return keys.map((k) => results.get(statsCacheKey(k))!);
    },
    { cacheKeyFn: statsCacheKey },
  );
}

function pagesLoader(db: Database, column: ParentColumn) {
  const cacheKey = (k: ParentPageKey) => `${k.argsKey}|${k.parentId}`;
  return new DataLoader<ParentPageKey, CallWithPeople[], string>(
    async (keys) => {
      const results = new Map<string, CallWithPeople[]>();
      for (const group of groupBy(keys, (k) => k.argsKey).values()) {
        const pages = await findCallPagesByParent(db, column, [...new Set(group.map((k) => k.parentId))], group[0].query);
        for (const k of group) results.set(cacheKey(k), pages.get(k.parentId) ?? []);
      }
      return keys.map((k) => results.get(cacheKey(k))!);
    },
    { cacheKeyFn: cacheKey },
  );
}

function countsLoader(db: Database, column: ParentColumn) {
  const cacheKey = (k: ParentCountKey) => `${k.argsKey}|${k.parentId}`;
  return new DataLoader<ParentCountKey, number, string>(
    async (keys) => {
      const results = new Map<string, number>();
      for (const group of groupBy(keys, (k) => k.argsKey).values()) {
        const counts = await countCallsByParent(db, column, [...new Set(group.map((k) => k.parentId))], group[0].where);
        for (const k of group) results.set(cacheKey(k), counts.get(k.parentId) ?? 0);
      }
      return keys.map((k) => results.get(cacheKey(k))!);
    },
    { cacheKeyFn: cacheKey },
  );
}

export function createCallLoaders(db: Database) {
  return {
    callsByCallId: new DataLoader<string, CallWithPeople | null>(async (ids) =>
      byKeys(ids, await findCallsByCallIds(db, ids), (r) => r.call.callId),
    ),
    callTextsByCallId: new DataLoader<string, CallTexts | null>(async (ids) =>
      byKeys(ids, await findCallTexts(db, ids), (r) => r.callId),
    ),
    callStatsByAgent: statsLoader(db, 'agent_id'),
    callStatsByCustomer: statsLoader(db, 'customer_id'),
    callPagesByAgent: pagesLoader(db, 'agent_id'),
    callPagesByCustomer: pagesLoader(db, 'customer_id'),
    callCountsByAgent: countsLoader(db, 'agent_id'),
    callCountsByCustomer: countsLoader(db, 'customer_id'),
  };
}

export type CallLoaders = ReturnType<typeof createCallLoaders>;
