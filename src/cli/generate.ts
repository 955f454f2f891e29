import { realpathSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCalls, generateLabeledCalls, resolveOptions, type GenerateOptions } from '../synthetic/generator.js';

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

/** A bad command line; main prints it with the usage and exits 2. */
export class UsageError extends Error {}

export interface CliOptions extends GenerateOptions {
  labels: boolean;
  help: boolean;
}

/** Characters buffered before a write; one write per chunk keeps syscalls few. */
const CHUNK_CHARS = 64 * 1024;
const PROGRESS_INTERVAL_MS = 250;

function integer(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be an integer, got "${raw}"`);
  return Number(raw);
}

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

/** Resolves on 'drain', or at once if the stream is gone, so a closed pipe never hangs the loop. */
function drained(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}

/**
 * Writes one JSON line per record, honouring backpressure. Returns false when
 * the reader went away (EPIPE, as with `| head`), true when everything was
 * written; other stream errors are thrown. The error listener stays attached:
 * a late EPIPE must not crash the process.
 */
export async function writeNdjson(
  records: Iterable<unknown>,
  out: Writable,
  onProgress?: (written: number) => void,
): Promise<boolean> {
  let failure: Error | undefined;
  let closed = false;
  out.on('error', (err: NodeJS.ErrnoException) => {
    closed = true;
    if (err.code !== 'EPIPE' && failure === undefined) failure = err;
  });
  const gone = (): boolean => closed || out.destroyed || out.writableEnded;
  let buffer = '';
  let written = 0;
  const flush = async (): Promise<void> => {
    const ok = out.write(buffer);
    buffer = '';
    // Writes to a pipe are synchronous on Linux and never return false, so
    // yield anyway: that is when an EPIPE from a closed reader gets reported.
    await (ok ? new Promise<void>((resolve) => setImmediate(resolve)) : drained(out));
    onProgress?.(written);
  };
  for (const record of records) {
    if (gone()) break;
    buffer += `${JSON.stringify(record)}\n`;
    written++;
    if (buffer.length >= CHUNK_CHARS) await flush();
  }
  if (buffer.length > 0 && !gone()) await flush();
  if (failure) throw failure;
  return !gone();
}

function progressReporter(total: number): { update: (written: number) => void; finish: (written: number) => void } {
  const started = performance.now();
  let last = 0;
  const show = (written: number): void => {
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(written / Math.max(seconds, 0.001));
    process.stderr.write(`\rgenerated ${written.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} calls (${rate.toLocaleString('en-US')}/s)`);
  };
  return {
    update: (written) => {
      const now = performance.now();
      if (now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      show(written);
    },
    finish: (written) => {
      show(written);
      process.stderr.write('\n');
    },
  };
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
  const progress = process.stderr.isTTY ? progressReporter(options.calls) : undefined;
  let written = 0;
  await writeNdjson(records, process.stdout, (count) => {
    written = count;
    progress?.update(count);
  });
  progress?.finish(written);
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
