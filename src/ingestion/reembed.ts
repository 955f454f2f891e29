import type { Enricher } from './enrichment/enricher.js';
import { type Executor, findCallsToReembed } from './ingestion.repository.js';
import type { IngestionWriter } from './ingestion.writer.js';

/**
 * Re-embeds, batch by batch, every call whose vector is not from the
 * configured model, so similarCalls never compares vectors of two models.
 * Returns how many calls were re-embedded.
 */
export async function reembedCalls(
  deps: { db: Executor; enricher: Enricher; writer: IngestionWriter },
  batchSize: number,
  onProgress?: (done: number) => void,
): Promise<number> {
  let after = '';
  let done = 0;
  for (;;) {
    const calls = await findCallsToReembed(deps.db, deps.enricher.modelId, after, batchSize);
    if (calls.length === 0) return done;
    const outcomes = await deps.enricher.enrich(calls.map((c) => ({ transcript: c.transcript, language: c.language })));
    const rows = calls.flatMap((c, i) => {
      const outcome = outcomes[i];
      return outcome.ok && outcome.value.embedding !== null ? [{ callId: c.callId, version: c.version, embedding: outcome.value.embedding }] : [];
    });
    if (rows.length < calls.length) throw new Error(`${calls.length - rows.length} calls after ${after || 'the start'} could not be embedded`);
    done += (await deps.writer.replaceEmbeddings(rows)).length;
    after = calls[calls.length - 1].callId;
    onProgress?.(done);
  }
}
