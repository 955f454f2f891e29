import DataLoader from 'dataloader';
import { byKeys, groupBy } from '../common/loader-utils.js';
import type { Database } from '../db/client.js';
import type { StoredUtterance } from '../db/schema/index.js';
import type { PartyKind } from '../parties/party.kind.js';
import { type CallStatsRecord, EMPTY_STATS, findCallStatsByParent, type TimeRange } from './call-stats.repository.js';
import type { NormalizedCallFilter } from './call.filter.js';
import type { CallWithPeople } from './call.projection.js';
import {
  type CallAnalysisRecord,
  type CallDetail,
  countCallsByParent,
  findCallAnalyses,
  findCallPagesByParent,
  findCallsByCallIds,
  findCallTranscripts,
  findCallUtterances,
  type PageQuery,
} from './call.repository.js';

/** One nested list request: which parent, and the validated query shared by its siblings. */
export interface ParentPageKey {
  parentId: string;
  /** Identifies `query`; keys with the same argsKey are fetched together. */
  argsKey: string;
  query: PageQuery;
}

export interface ParentCountKey {
  parentId: string;
  argsKey: string;
  filter: NormalizedCallFilter | null;
}

export interface StatsKey extends TimeRange {
  parentId: string;
}

/** One call by its business id, with the heavy columns its selection needs. */
export interface CallByIdKey {
  callId: string;
  detail: CallDetail;
}

const detailKey = (d: CallDetail) => `${Number(d.analysis)}${Number(d.transcript)}${Number(d.utterances)}`;
const callByIdCacheKey = (k: CallByIdKey) => `${detailKey(k.detail)}|${k.callId}`;

/** Calls by id: one statement per distinct detail in the batch (aliased `call` fields usually share one). */
function callsByIdLoader(db: Database) {
  return new DataLoader<CallByIdKey, CallWithPeople | null, string>(
    async (keys) => {
      const results = new Map<string, CallWithPeople>();
      await Promise.all(
        [...groupBy(keys, (k) => detailKey(k.detail)).values()].map(async (group) => {
          const rows = await findCallsByCallIds(db, [...new Set(group.map((k) => k.callId))], group[0].detail);
          for (const row of rows) results.set(callByIdCacheKey({ callId: row.call.callId, detail: group[0].detail }), row);
        }),
      );
      return keys.map((k) => results.get(callByIdCacheKey(k)) ?? null);
    },
    { cacheKeyFn: callByIdCacheKey },
  );
}

const statsCacheKey = (k: StatsKey) => `${k.parentId}|${k.from?.toISOString() ?? ''}|${k.to?.toISOString() ?? ''}`;

function statsLoader(db: Database, parent: PartyKind) {
  return new DataLoader<StatsKey, CallStatsRecord, string>(
    async (keys) => {
      const results = new Map<string, CallStatsRecord>();
      for (const group of groupBy(keys, (k) => `${k.from?.toISOString() ?? ''}|${k.to?.toISOString() ?? ''}`).values()) {
        const stats = await findCallStatsByParent(db, parent, [...new Set(group.map((k) => k.parentId))], group[0]);
        for (const k of group) results.set(statsCacheKey(k), stats.get(k.parentId) ?? EMPTY_STATS);
      }
      return keys.map((k) => results.get(statsCacheKey(k))!);
    },
    { cacheKeyFn: statsCacheKey },
  );
}

function pagesLoader(db: Database, parent: PartyKind) {
  const cacheKey = (k: ParentPageKey) => `${k.argsKey}|${k.parentId}`;
  return new DataLoader<ParentPageKey, CallWithPeople[], string>(
    async (keys) => {
      const results = new Map<string, CallWithPeople[]>();
      for (const group of groupBy(keys, (k) => k.argsKey).values()) {
        const pages = await findCallPagesByParent(db, parent, [...new Set(group.map((k) => k.parentId))], group[0].query);
        for (const k of group) results.set(cacheKey(k), pages.get(k.parentId) ?? []);
      }
      return keys.map((k) => results.get(cacheKey(k))!);
    },
    { cacheKeyFn: cacheKey },
  );
}

function countsLoader(db: Database, parent: PartyKind) {
  const cacheKey = (k: ParentCountKey) => `${k.argsKey}|${k.parentId}`;
  return new DataLoader<ParentCountKey, number, string>(
    async (keys) => {
      const results = new Map<string, number>();
      for (const group of groupBy(keys, (k) => k.argsKey).values()) {
        const counts = await countCallsByParent(db, parent, [...new Set(group.map((k) => k.parentId))], group[0].filter);
        for (const k of group) results.set(cacheKey(k), counts.get(k.parentId) ?? 0);
      }
      return keys.map((k) => results.get(cacheKey(k))!);
    },
    { cacheKeyFn: cacheKey },
  );
}

export function createCallLoaders(db: Database) {
  return {
    callsByCallId: callsByIdLoader(db),
    callTranscriptsByCallId: new DataLoader<string, { transcript: string } | null>(async (ids) => byKeys(ids, await findCallTranscripts(db, ids), (r) => r.callId)),
    callUtterancesByCallId: new DataLoader<string, { utterances: StoredUtterance[] } | null>(async (ids) =>
      byKeys(ids, await findCallUtterances(db, ids), (r) => r.callId),
    ),
    callAnalysesByCallId: new DataLoader<string, CallAnalysisRecord | null>(async (ids) => byKeys(ids, await findCallAnalyses(db, ids), (r) => r.callId)),
    callStatsByAgent: statsLoader(db, 'agent'),
    callStatsByCustomer: statsLoader(db, 'customer'),
    callPagesByAgent: pagesLoader(db, 'agent'),
    callPagesByCustomer: pagesLoader(db, 'customer'),
    callCountsByAgent: countsLoader(db, 'agent'),
    callCountsByCustomer: countsLoader(db, 'customer'),
  };
}

export type CallLoaders = ReturnType<typeof createCallLoaders>;
