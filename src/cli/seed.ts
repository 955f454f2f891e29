import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config.js';
import { runBatches, type RunTotals, type SourceItem } from '../ingestion/batch-runner.js';
import { MAX_ITEMS_PER_REQUEST } from '../ingestion/ingestion.validation.js';
import { formatSummary, interruptOn, openCliSession } from './cli-session.js';
import { intFlag } from './flags.js';
import { createProgress } from './progress.js';
import { generateCalls } from '../synthetic/generator.js';
import { describeError } from '../db/errors.js';

const USAGE = `Usage: npm run seed -- --calls N [--seed S] [--agents N] [--batch-size N]

Generates N synthetic calls and ingests them (SKIP on conflict) through the
ingestion pipeline, into DATABASE_URL or the embedded database.
`;

function fail(message: string): never {
  process.stderr.write(`seed: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  try {
    return intFlag(name, raw, min, max);
  } catch (err) {
    fail((err as Error).message);
  }
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      calls: { type: 'string' },
      seed: { type: 'string', default: '1' },
      agents: { type: 'string' },
      'batch-size': { type: 'string', default: '1000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (err) {
  fail((err as Error).message);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const calls = integer('calls', values.calls, 1, 100_000_000) ?? fail('--calls is required');
const seed = integer('seed', values.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)!;
const agents = integer('agents', values.agents, 1, 100_000);
const batchSize = integer('batch-size', values['batch-size'], 1, MAX_ITEMS_PER_REQUEST)!;

const config = loadConfigOrExit();
const session = await openCliSession(config);
const interruption = interruptOn('seed');
const progress = createProgress('seed', calls);
const started = performance.now();

function* items(): Generator<SourceItem> {
  let index = 0;
  for (const call of generateCalls({ calls, seed, agents })) yield { index: index++, value: call };
}

let totals: RunTotals | null = null;
let failure: unknown = null;
try {
  totals = await runBatches(session.ingestion.service, items(), {
    mode: 'skip',
    batchSize,
    signal: interruption.signal,
    onProgress: (t) => progress.update(t.received, t.received),
  });
} catch (err) {
  failure = err;
}
progress.stop();
// Refreshes the analytics views (with retries) before anything is reported.
const { viewsCurrent } = await session.close();
const views = viewsCurrent ? 'The analytics views are refreshed.' : 'The analytics views could not be refreshed; the next start (server or command) refreshes them.';
if (failure) {
  process.stderr.write(`seed: stopped: ${describeError(failure)}\n${views}\n`);
  process.exitCode = 1;
} else if (interruption.received()) {
  process.stderr.write(
    `seed: interrupted by ${interruption.received()}: ${formatSummary(totals!, (performance.now() - started) / 1000)}\n` +
      `Every batch counted here is committed; run the same command again to finish (known calls are skipped). ${views}\n`,
  );
  process.exit(interruption.exitCode());
} else {
  process.stdout.write(`seed: ${formatSummary(totals!, (performance.now() - started) / 1000)}\n`);
  if (!viewsCurrent) process.stderr.write(`seed: ${views}\n`);
}
