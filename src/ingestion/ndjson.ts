import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { SourceItem } from './batch-runner.js';

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
