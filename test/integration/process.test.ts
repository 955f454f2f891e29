import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// These run the compiled server exactly as `npm start` does (npm test builds first).
const MAIN = path.resolve('dist/src/main.js');

/** Every process a test started, so none outlives the file even when a test fails or times out. */
const children: ChildProcess[] = [];

function run(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForLine(output: () => string, pattern: RegExp, timeoutMs = 150_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = output().match(pattern);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no ${pattern} in output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the gateway process', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('refuses to start on a bad configuration, listing every problem, with a non-zero exit', async () => {
    const p = run({ PORT: 'eighty', REDIS_URL: 'http://nope' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('PORT');
    expect(p.output()).toContain('REDIS_URL');
  });

  it('serves on the embedded database with nothing configured and shuts down gracefully on SIGTERM', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-proc-'));
    dirs.push(dataDir);
    const p = run({ PORT: '0', DATA_DIR: dataDir, DEMO_SEED: 'false' });
    const [, url] = await waitForLine(p.output, /"url":"(http:\/\/[^"]+)\/graphql"/);
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ calls(first: 1) { totalCount } }' }),
    });
    expect(await res.json()).toEqual({ data: { calls: { totalCount: 0 } } });
    // One log line per request, with its id, written once the response is done.
    await waitForLine(p.output, /"reqId":"[^"]+","method":"POST","path":"\/graphql","status":200/);
    expect(existsSync(path.join(dataDir, 'parley.pid'))).toBe(true);

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain('"msg":"stopped"');
    // The embedded database was closed and its lock released.
    expect(existsSync(path.join(dataDir, 'parley.pid'))).toBe(false);
  });
});
