import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { testModes } from '../support/modes.js';

const CONTENDER = path.join(ROOT, 'test/support/lock-contender.mjs');

/**
 * Starts `count` processes that each try to lock every folder of `dataDirs`, one
 * folder at a time: all of them are released onto a folder at the same moment,
 * and each holds what it won until the end. Returns, per folder, what each printed.
 */
async function contend(dataDirs: string[], count: number): Promise<string[][]> {
  const children = Array.from({ length: count }, () => spawn(process.execPath, [CONTENDER], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const lines = children.map((): string[] => []);
  let partial = children.map(() => '');
  let wake = () => {};
  children.forEach((child, i) => {
    child.stdout!.on('data', (d) => {
      const parts = (partial[i] + d).split('\n');
      partial[i] = parts.pop()!;
      lines[i].push(...parts);
      wake();
    });
  });
  const exited = children.map((child) => new Promise((resolve) => child.on('exit', resolve)));
  const until = async (n: number) => {
    const deadline = Date.now() + 30_000;
    while (lines.some((l) => l.length < n)) {
      if (Date.now() > deadline) throw new Error(`contenders did not answer: ${JSON.stringify(lines)}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 100);
      });
    }
  };
  try {
    await until(1); // every one is loaded and waiting
    for (const [round, dir] of dataDirs.entries()) {
      for (const child of children) child.stdin!.write(`${dir}\n`);
      await until(round + 2);
    }
  } finally {
    for (const child of children) child.stdin!.end();
    await Promise.all(exited);
  }
  partial = [];
  return dataDirs.map((_, round) => lines.map((l) => l[round + 1]));
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe.runIf(testModes.includes('embedded'))('the DATA_DIR lock of the embedded database', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('lets exactly one of six processes starting at the same moment on a fresh folder take it, over 30 folders', { timeout: 60_000 }, async () => {
    const dirs = Array.from({ length: 30 }, freshDir);
    for (const outcomes of await contend(dirs, 6)) {
      expect(outcomes.filter((o) => o === 'won'), outcomes.join(' | ')).toHaveLength(1);
      for (const o of outcomes.filter((o) => o !== 'won')) expect(o).toMatch(/^refused: the embedded database in .* is in use by process \d+; stop it or set DATA_DIR$/);
    }
    // Released on exit, and no draft or takeover file left behind.
    for (const dir of dirs) expect(readdirSync(dir)).toEqual([]);
  });

  it('lets exactly one of six processes take over the pid file of a process that has exited, over 30 folders', { timeout: 60_000 }, async () => {
    const dirs = Array.from({ length: 30 }, freshDir);
    const stale = deadPid();
    for (const dir of dirs) writeFileSync(path.join(dir, 'parley.pid'), String(stale));
    for (const outcomes of await contend(dirs, 6)) {
      expect(outcomes.filter((o) => o === 'won'), outcomes.join(' | ')).toHaveLength(1);
    }
    for (const dir of dirs) expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over an empty or unreadable pid file, and releases the folder on exit', { timeout: 60_000 }, async () => {
    for (const content of ['', 'not a pid\n']) {
      const dir = freshDir();
      writeFileSync(path.join(dir, 'parley.pid'), content);
      expect(await contend([dir], 1)).toEqual([['won']]);
      expect(() => readFileSync(path.join(dir, 'parley.pid'))).toThrow(/ENOENT/);
    }
  });

  it('refuses the folder while the process named in the pid file is alive', { timeout: 60_000 }, async () => {
    const dir = freshDir();
    // This test process is alive and is not the contender.
    writeFileSync(path.join(dir, 'parley.pid'), String(process.pid));
    expect(await contend([dir], 1)).toEqual([[`refused: the embedded database in ${dir} is in use by process ${process.pid}; stop it or set DATA_DIR`]]);
    expect(readFileSync(path.join(dir, 'parley.pid'), 'utf8')).toBe(String(process.pid));
  });
});
