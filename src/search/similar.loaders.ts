import DataLoader from 'dataloader';
import type { Database } from '../db/client.js';
import { groupBy } from '../common/loader-utils.js';
import { findSimilarCalls, type HnswSettings, type SimilarHit, type SimilarRequest, similarKey } from './similar.repository.js';

/** One `Call.similarCalls(first)`; the HNSW settings come from the config and are the same for every key of a request. */
export interface SimilarLoadKey extends SimilarRequest {
  hnsw: HnswSettings;
}

export function createSimilarLoaders(db: Database) {
  return {
    /** Every similarCalls of one request (any `first`) in one statement. */
    similarCallsByCallId: new DataLoader<SimilarLoadKey, SimilarHit[], string>(
      async (keys) => {
        const results = new Map<string, SimilarHit[]>();
        for (const group of groupBy(keys, (k) => JSON.stringify(k.hnsw)).values()) {
          for (const [key, hits] of await findSimilarCalls(db, group, group[0].hnsw)) results.set(key, hits);
        }
        return keys.map((k) => results.get(similarKey(k)) ?? []);
      },
      { cacheKeyFn: similarKey },
    ),
  };
}
