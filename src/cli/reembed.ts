import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config.js';
import { MAX_ITEMS_PER_REQUEST } from '../ingestion/ingestion.validation.js';
import { openCliSession } from './cli-session.js';
import { intFlag } from './flags.js';
import { createProgress } from './progress.js';
import { describeError } from '../db/errors.js';

const USAGE = `Usage: npm run reembed -- [--batch-size N]

Re-embeds every call whose embedding_model differs from the configured
provider's model (EMBEDDING_PROVIDER, EMBEDDING_MODEL), batch by batch, so
vectors of two models are never mixed in similarCalls.
`;

let values;
try {
  ({ values } = parseArgs({ options: { 'batch-size': { type: 'string', default: '500' }, help: { type: 'boolean', short: 'h', default: false } } }));
} catch (err) {
  process.stderr.write(`reembed: ${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
let batchSize = 0;
try {
  batchSize = intFlag('batch-size', values['batch-size'], 1, MAX_ITEMS_PER_REQUEST)!;
} catch (err) {
  process.stderr.write(`reembed: ${(err as Error).message}\n`);
  process.exit(2);
}

const session = await openCliSession(loadConfigOrExit());
const started = performance.now();
try {
  const stale = await session.ingestion.countStaleEmbeddings();
  const model = session.ingestion.service.modelId;
  if (stale === 0) {
    process.stdout.write(`reembed: every call is already embedded with ${model}\n`);
  } else {
    const progress = createProgress('reembed', stale);
    const done = await session.ingestion.reembed(batchSize, (n) => progress.update(n, n));
    progress.stop();
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`reembed: ${done} calls re-embedded with ${model} in ${seconds.toFixed(1)} s (${Math.round(done / Math.max(seconds, 0.001))} calls/s)\n`);
  }
} catch (err) {
  process.stderr.write(`reembed: stopped: ${describeError(err)}\nBatches before the failure are committed; re-run to continue.\n`);
  process.exitCode = 1;
} finally {
  await session.close();
}
