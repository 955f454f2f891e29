import { parentPort } from 'node:worker_threads';
import { enrichOne, type EnrichInput, type EnrichOutcome } from './enrich-core.js';

/** One unit of work: a slice of a batch. */
export interface EnrichTask {
  id: number;
  items: EnrichInput[];
  hashedDimensions: number | null;
}

export interface EnrichReply {
  id: number;
  results: EnrichOutcome[];
}

// Runs only as a worker thread (see enrich-pool.ts); importing it elsewhere does nothing.
parentPort?.on('message', (task: EnrichTask) => {
  const reply: EnrichReply = { id: task.id, results: task.items.map((item) => enrichOne(item, task.hashedDimensions)) };
  parentPort!.postMessage(reply);
});
