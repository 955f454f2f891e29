// One contender for the embedded database's DATA_DIR lock, run as its own process
// by test/integration/data-dir-lock.test.ts against the compiled module (npm test builds dist/).
//   node test/support/lock-contender.mjs
// Prints `ready`, then for each line on stdin (a folder) tries to lock that folder
// and prints `won` or `refused: <message>`. It blocks on stdin in between, so the
// parent releases every contender at the same moment by writing the line to all
// of them (a timer or a spin lines them up far worse on a busy machine). Every
// lock it won is held until stdin closes.
import { readSync } from 'node:fs';
import { lockDataDir } from '../../dist/src/db/data-dir-lock.js';

const byte = Buffer.alloc(1);
function readLine() {
  let line = '';
  for (;;) {
    if (readSync(0, byte) === 0) return line === '' ? null : line;
    const c = byte.toString('latin1');
    if (c === '\n') return line;
    line += c;
  }
}

const releases = [];
process.stdout.write('ready\n');
for (let dir = readLine(); dir !== null; dir = readLine()) {
  try {
    releases.push(lockDataDir(dir));
    process.stdout.write('won\n');
  } catch (err) {
    process.stdout.write(`refused: ${err.message}\n`);
  }
}
for (const release of releases) release();
