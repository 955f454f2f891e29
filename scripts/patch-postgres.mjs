// Runs after `npm ci` / `npm install` (package.json "postinstall"): patches a
// crash in postgres.js 3.4.x that is reported upstream and not yet released.
//
// A write under 1,024 bytes is flushed on setImmediate. When the connection
// closes in between (PostgreSQL restarted, a backend terminated, a proxy
// dropping the socket), closed() sets `socket = null` and nextWrite() then
// calls `socket.write` on null: an uncaught TypeError from a timer, which no
// caller can catch, and the whole gateway exits (porsager/postgres#1066,
// #1154, #1208; fixes proposed in #1168, #1176, #1209). Seen here in
// test/integration/readiness.test.ts, which stops the database under load.
// Also: teardown cancels the pending flush without forgetting it, so the
// reconnected socket would never flush again, or would send the dead
// connection's bytes ahead of its start-up message.
//
// The patch: nextWrite() on a closed connection rejects what was waiting for
// the write (CONNECTION_CLOSED, as closed() does) instead of throwing, and
// teardown forgets the cancelled flush and its bytes. Idempotent; fails loudly
// when postgres.js no longer has the code it patches (then re-check upstream).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MARK = '/* parley: guarded */';
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'postgres');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const edits = [
  [
    '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    `  function nextWrite(fn) {\n    if (!socket) { ${MARK}\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  ],
  // terminate() and closed(): the cancelled flush is forgotten with its bytes.
  ['    clearImmediate(nextWriteTimer)\n    if (socket) {', `    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null ${MARK}\n    if (socket) {`],
  ['    clearImmediate(nextWriteTimer)\n    socket.removeListener', `    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null ${MARK}\n    socket.removeListener`],
];

let patched = 0;
for (const file of ['src/connection.js', 'cjs/src/connection.js']) {
  const full = path.join(root, file);
  let text = readFileSync(full, 'utf8');
  if (text.includes(MARK)) continue;
  for (const [from, to] of edits) {
    if (!text.includes(from)) {
      process.stderr.write(`patch-postgres: postgres ${version}: ${file} no longer holds the code this script patches; check whether the release fixed porsager/postgres#1208 and update scripts/patch-postgres.mjs\n`);
      process.exit(1);
    }
    text = text.replace(from, to);
  }
  writeFileSync(full, text);
  patched += 1;
}
if (patched > 0) process.stdout.write(`patch-postgres: postgres ${version}: guarded nextWrite against a closed connection in ${patched} file(s)\n`);
