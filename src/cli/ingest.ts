import 'reflect-metadata';
import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config.js';
import { runBatches, type RunTotals } from '../ingestion/batch-runner.js';
import { formatSummary, interruptOn, openCliSession } from './cli-session.js';
import { intFlag } from './flags.js';
import { MAX_ITEMS_PER_REQUEST } from '../ingestion/ingestion.validation.js';
import { openInput, readNdjson } from './ndjson.js';
import { createProgress } from './progress.js';
import { describeError } from '../db/errors.js';

const USAGE = `Usage: npm run ingest -- <calls.ndjson | -> [options]

Streams NDJSON calls (one CallInput object per line) through the same
validation, enrichment and idempotent writes as Mutation.ingestCalls, one
transaction per batch. The database is DATABASE_URL (or the embedded one).

Options
  --on-conflict skip|update   what to do with a callId that exists (default skip)
  --batch-size N              calls per transaction, 1 to ${MAX_ITEMS_PER_REQUEST} (default 1000)
  --rejects PATH              where failed lines go as NDJSON (default <input>.rejects.ndjson)
`;

function fail(message: string): never {
  process.stderr.write(`ingest: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parse() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'on-conflict': { type: 'string', default: 'skip' },
        'batch-size': { type: 'string', default: '1000' },
        rejects: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    fail((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) fail('exactly one input file (or - for stdin) is required');
  const mode = values['on-conflict'];
  if (mode !== 'skip' && mode !== 'update') fail(`--on-conflict must be skip or update; got ${mode}`);
  let batchSize = 0;
  try {
    batchSize = intFlag('batch-size', values['batch-size'], 1, MAX_ITEMS_PER_REQUEST)!;
  } catch (err) {
    fail((err as Error).message);
  }
  const input = positionals[0];
  return { input, mode: mode as 'skip' | 'update', batchSize, rejects: values.rejects ?? (input === '-' ? 'rejects.ndjson' : `${input}.rejects.ndjson`) };
}

const args = parse();
const config = loadConfigOrExit();
const size = args.input === '-' ? 0 : statSync(args.input).size;
const session = await openCliSession(config);
const interruption = interruptOn('ingest');
const progress = createProgress('ingest', size);
let rejects: WriteStream | null = null;
const started = performance.now();
let totals: RunTotals | null = null;
let failure: unknown = null;
try {
  totals = await runBatches(session.ingestion.service, readNdjson(openInput(args.input)), {
    mode: args.mode,
    batchSize: args.batchSize,
    signal: interruption.signal,
    onProgress: (t) => progress.update(size > 0 ? t.bytes : t.received, t.received),
    onReject: async (error) => {
      rejects ??= createWriteStream(args.rejects);
      const line = `${JSON.stringify({ line: error.index, callId: error.callId, code: error.code, message: error.message })}\n`;
      if (!rejects.write(line)) await new Promise<void>((resolve) => rejects!.once('drain', () => resolve()));
    },
  });
} catch (err) {
  failure = err;
}
progress.stop();
await new Promise<void>((resolve) => (rejects ? rejects.end(resolve) : resolve()));
// Refreshes the analytics views (with retries) before anything is reported.
const { viewsCurrent } = await session.close();
const views = viewsCurrent ? 'The analytics views are refreshed.' : 'The analytics views could not be refreshed; the next start (server or command) refreshes them.';
if (failure) {
  process.stderr.write(`ingest: stopped: ${describeError(failure)}\nEvery batch before the failing one is committed; re-run (under skip) to resume. ${views}\n`);
  process.exitCode = 1;
} else if (interruption.received()) {
  process.stderr.write(
    `ingest: interrupted by ${interruption.received()}: ${formatSummary(totals!, (performance.now() - started) / 1000)}\n` +
      `Every batch counted here is committed and nothing after it; re-run (under skip) to resume. ${views}\n`,
  );
  if (totals!.failed > 0) process.stderr.write(`ingest: ${totals!.failed} failed lines written to ${args.rejects}\n`);
  // stdin may still be open: exit rather than wait for it.
  process.exit(interruption.exitCode());
} else {
  process.stdout.write(`ingest: ${formatSummary(totals!, (performance.now() - started) / 1000)}\n`);
  if (totals!.failed > 0) process.stdout.write(`ingest: ${totals!.failed} failed lines written to ${args.rejects}\n`);
  if (!viewsCurrent) process.stderr.write(`ingest: ${views}\n`);
}
