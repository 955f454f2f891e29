import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { SourceItem } from '../ingestion/batch-runner.js';

/**
 * `npm run generate -- ... > calls.ndjson` puts npm's banner ("> parley@0.1.0
 * generate", "> npm run build ...") into the file; no JSON value starts with
 * "> ", so such lines are skipped instead of rejected.
 */
const NPM_BANNER = /^> /;

/**
 * NDJSON lines as source items, indexed by 1-based line number. Blank lines
 * and npm banner lines are ignored; any other line that is not a JSON value
 * becomes an unparsable item.
 */
export async function* readNdjson(input: Readable): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    const bytes = Buffer.byteLength(line) + 1;
    if (line.trim() === '' || NPM_BANNER.test(line)) continue;
    try {
      yield { index: lineNumber, value: JSON.parse(line), bytes };
    } catch (err) {
      yield { index: lineNumber, unparsable: `line ${lineNumber} is not valid JSON: ${(err as Error).message}`, bytes };
    }
  }
}

export function openInput(path: string): Readable {
  return path === '-' ? process.stdin : createReadStream(path);
}

/** Characters buffered before a write; one write per chunk keeps syscalls few. */
const CHUNK_CHARS = 64 * 1024;

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
