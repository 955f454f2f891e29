import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCalls, generateLabeledCalls, resolveOptions, type GenerateOptions } from '../synthetic/generator.js';
import { intFlag, UsageError } from './flags.js';
import { writeNdjson } from './ndjson.js';
import { createProgress } from './progress.js';

// `npm run generate -- --calls N --seed S`: synthetic sales calls as NDJSON on stdout.

export const USAGE = `Usage: node dist/src/cli/generate.js --calls N [options]

Writes N synthetic sales calls to stdout as NDJSON: one CallInput-shaped
object per line (callId, agentId, agentName, customerId, customerName,
language, startTime, durationSeconds, transcript).

Options
  --calls N       number of calls (required)
  --seed N        integer seed; the same seed and options give the same output (default 1)
  --agents N      number of agents (default 20)
  --customers N   number of customers (default max(50, calls / 20), at most 20000)
  --until ISO     latest start time (default 2026-11-01T00:00:00.000Z)
  --days N        start times fall in the N days before --until (default 365)
  --offset N      index of the first call; call i does not depend on the offset (default 0)
  --labels        add a "labels" field with the intended persona, outcome, topics and trend
  --help          show this text
`;


export interface CliOptions extends GenerateOptions {
  labels: boolean;
  help: boolean;
}


// Ranges are resolveOptions' to check; here only "is it an integer".
const integer = (name: string, raw: string | undefined) => intFlag(name, raw, Number.MIN_SAFE_INTEGER);

function date(name: string, raw: string | undefined): Date | undefined {
  if (raw === undefined) return undefined;
  const value = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(value.getTime())) {
    throw new UsageError(`--${name} must be an ISO-8601 date-time, got "${raw}"`);
  }
  return value;
}

const FLAGS = {
  calls: { type: 'string' },
  seed: { type: 'string' },
  agents: { type: 'string' },
  customers: { type: 'string' },
  until: { type: 'string' },
  days: { type: 'string' },
  offset: { type: 'string' },
  labels: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function readFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: FLAGS }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** Turns argv into generator options; throws UsageError for anything `generateCalls` would reject. */
export function parseGenerateArgs(argv: readonly string[]): CliOptions {
  const values = readFlags(argv);
  if (values.help) return { calls: 0, seed: 1, labels: false, help: true };
  const calls = integer('calls', values.calls);
  if (calls === undefined) throw new UsageError('--calls is required');
  const options: CliOptions = {
    calls,
    seed: integer('seed', values.seed) ?? 1,
    agents: integer('agents', values.agents),
    customers: integer('customers', values.customers),
    until: date('until', values.until),
    days: integer('days', values.days),
    offset: integer('offset', values.offset),
    labels: values.labels,
    help: false,
  };
  try {
    resolveOptions(options);
  } catch (err) {
    throw new UsageError(`--${(err as Error).message}`);
  }
  return options;
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseGenerateArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`generate: ${err.message}\nRun with --help for usage.\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const records = options.labels
    ? (function* withLabels() {
        for (const { call, labels } of generateLabeledCalls(options)) yield { ...call, labels };
      })()
    : generateCalls(options);
  // Only on a terminal: stderr often goes to the same log as stdout's NDJSON.
  const progress = process.stderr.isTTY ? createProgress('generate', options.calls) : undefined;
  await writeNdjson(records, process.stdout, (count) => progress?.update(count, count));
  progress?.stop();
  return 0;
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await main(process.argv.slice(2));
