import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// scripts/patch-postgres.mjs (run by npm's postinstall) guards postgres.js's
// nextWrite against a closed connection: without it, a database that goes away
// at the wrong moment throws an uncatchable TypeError from a timer and the
// gateway exits (test/integration/readiness.test.ts once hit it).
describe('the postgres.js installed here', () => {
  it.each(['src/connection.js', 'cjs/src/connection.js'])('%s rejects a write on a closed connection instead of throwing from a timer', (file) => {
    const text = readFileSync(path.join('node_modules/postgres', file), 'utf8');
    const nextWrite = text.slice(text.indexOf('function nextWrite('), text.indexOf('function connectTimedOut('));
    expect(nextWrite).toMatch(/if \(!socket\) \{[^}]*error\(Errors\.connection\('CONNECTION_CLOSED', options\)\)[\s\S]*return false/);
    // terminate() and closed() forget the flush they cancel, with its bytes.
    const rest = text.replace(nextWrite, '');
    expect(rest.match(/clearImmediate\(nextWriteTimer\)\n\s*chunk = nextWriteTimer = null/g)).toHaveLength(2);
  });
});
