import type { CallRecord } from '../calls/call.projection.js';
import { primePeople } from '../calls/call.service.js';
import type { Context } from '../context.js';
import { intArgument } from '../common/int-range.js';

/** The contract's bounds on `Call.similarCalls(first)`. */
export const SIMILAR_DEFAULT_FIRST = 5;
export const SIMILAR_MAX_FIRST = 20;

export interface SimilarCallResult {
  call: CallRecord;
  similarity: number;
}

/**
 * Call.similarCalls: the nearest calls by embedding of the same model, most
 * similar first. Siblings batch into one statement through the loader; the
 * neighbours arrive joined with their agent and customer, which are primed.
 */
export async function similarCalls(ctx: Context, call: CallRecord, first: number | null | undefined): Promise<SimilarCallResult[]> {
  const k = intArgument('first', first, SIMILAR_DEFAULT_FIRST, 1, SIMILAR_MAX_FIRST);
  const hits = await ctx.loaders.similarCallsByCallId.load({
    callId: call.callId,
    first: k,
    hnsw: { efSearch: ctx.config.HNSW_EF_SEARCH, iterativeScan: ctx.config.HNSW_ITERATIVE_SCAN },
  });
  primePeople(ctx, hits);
  return hits.map((hit) => ({ call: hit.call, similarity: hit.similarity }));
}
