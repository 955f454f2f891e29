import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite is one process's database: a second process writing the same folder
 * corrupts it. A pid file turns that into a clear start-up error.
 *
 * The pid file only ever appears whole: it is written under a private name and
 * hard-linked into place, and the link fails if the file exists (an exclusive
 * create), so of several processes starting at once exactly one gets it. A pid
 * file whose process has exited (or that is empty or garbage) is removed only
 * under a second exclusive file, `parley.pid.takeover`, after reading it again:
 * two starters racing over the same stale file cannot both remove it and then
 * both create their own. The one residual hazard is a process that dies inside
 * the few microseconds it holds `parley.pid.takeover`; that file is then stale
 * too and is removed the same way, without a guard of its own.
 */

/** Folders this process holds: a second open from the same process is refused as well. */
const heldHere = new Set<string>();

/** How long a start-up waits for another process that is taking over a stale pid file. */
const TAKEOVER_WAIT_MS = 5_000;

export function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'parley.pid');
  const takeoverFile = `${lockFile}.takeover`;
  if (heldHere.has(lockFile)) throw new Error(`the embedded database in ${dataDir} is already open in this process`);
  const deadline = Date.now() + TAKEOVER_WAIT_MS;
  for (;;) {
    if (createExclusive(lockFile)) break;
    const owner = readPidFile(lockFile);
    if (owner === 'missing') continue; // released meanwhile: try again
    if (owner.alive) throw new Error(`the embedded database in ${dataDir} is in use by process ${owner.pid}; stop it or set DATA_DIR`);
    // Stale, empty or garbage: remove it, but only while holding the takeover file.
    if (createExclusive(takeoverFile)) {
      try {
        const again = readPidFile(lockFile);
        if (again !== 'missing' && !again.alive && again.ino === owner.ino) unlinkIfPresent(lockFile);
      } finally {
        unlinkIfPresent(takeoverFile);
      }
      continue;
    }
    const taker = readPidFile(takeoverFile);
    if (taker !== 'missing' && !taker.alive) unlinkIfPresent(takeoverFile);
    else if (Date.now() > deadline) throw new Error(`could not lock the embedded database in ${dataDir}: ${takeoverFile} stayed in place`);
    else sleep(5);
  }
  heldHere.add(lockFile);
  return () => {
    heldHere.delete(lockFile);
    // Only our own file: never remove one another process created.
    const owner = readPidFile(lockFile);
    if (owner !== 'missing' && owner.pid === process.pid) unlinkIfPresent(lockFile);
  };
}

/** Creates `file` holding this process's pid, whole, unless it exists; true when it did. */
function createExclusive(file: string): boolean {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, String(process.pid), { flag: 'wx' });
  try {
    linkSync(draft, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(draft);
  }
}

type PidFile = 'missing' | { pid: number | null; alive: boolean; ino: number };

/**
 * The process a pid file names and whether it runs. A file naming this very
 * process was left by an earlier process with the same pid (a container's pid 1
 * after a crash): this process does not hold it (see heldHere), so it is stale.
 */
function readPidFile(file: string): PidFile {
  try {
    const { ino } = statSync(file);
    const text = readFileSync(file, 'utf8').trim();
    const pid = /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null;
    return { pid, alive: pid !== null && pid !== process.pid && isAlive(pid), ino };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
}

function unlinkIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
