import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestParley, type TestParley } from '../support/harness.js';
import { testModes } from '../support/modes.js';
import { TcpProxy } from '../support/tcp-proxy.js';

async function ready(t: TestParley) {
  const res = await fetch(`${t.url}/ready`);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

async function eventually<T>(check: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.runIf(testModes.includes('postgres'))('readiness when PostgreSQL goes away and comes back', () => {
  const proxy = new TcpProxy('127.0.0.1', 5432);
  let t: TestParley;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    const port = await proxy.start();
    const url = new URL(database.url);
    url.port = String(port);
    t = await startTestParley('postgres', { DATABASE_URL: url.toString() });
  });
  afterAll(async () => {
    await t?.stop();
    await proxy.cut();
    await dropDatabase?.();
  });

  it('turns /ready to 503 naming the database, keeps /health at 200, and recovers without a restart', async () => {
    expect((await ready(t)).status).toBe(200);

    await proxy.cut();
    const down = await ready(t);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unavailable', database: 'down', cache: 'up' });
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    const query = await t.gql('{ calls(first: 1) { totalCount } }');
    expect(query.body.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', errorId: expect.any(String) });

    await proxy.start();
    const back = await eventually(() => ready(t), (r) => r.status === 200);
    expect(back.body).toMatchObject({ status: 'ready', database: 'up' });
    const again = await t.gql('{ calls(first: 1) { totalCount } }');
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.calls.totalCount).toBe(0);
  });
});

/**
 * Stops and restarts the machine's real PostgreSQL and Redis. Opt-in
 * (TEST_STOP_SERVICES=1, set by .ci/run): it disturbs anything else using them.
 */
const stopServices = process.env.TEST_STOP_SERVICES === '1';
const pgCluster = () => execFileSync('bash', ['-c', 'ls /etc/postgresql']).toString().trim();

describe.runIf(stopServices && testModes.includes('postgres'))('readiness when the real services are stopped', () => {
  let t: TestParley;

  beforeAll(async () => {
    t = await startTestParley('postgres');
  });
  afterAll(async () => {
    startPostgres();
    startRedis();
    await t?.stop();
  });

  function startPostgres() {
    try {
      execFileSync('pg_isready', ['-h', '127.0.0.1', '-q'], { stdio: 'ignore' });
    } catch {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', pgCluster(), 'main', 'start'], { stdio: 'ignore' });
    }
  }
  function startRedis() {
    try {
      execFileSync('redis-cli', ['ping'], { stdio: 'ignore' });
    } catch {
      execFileSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', '6379', '--save', '', '--appendonly', 'no', '--dir', '/var/lib/redis', '--logfile', '/var/log/redis/ci.log']);
    }
  }

  it('reports PostgreSQL down while it is stopped and ready again once it is started', async () => {
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', pgCluster(), 'main', 'stop', '-m', 'fast'], { stdio: 'ignore' });
    try {
      const down = await eventually(() => ready(t), (r) => r.status === 503);
      expect(down.body).toMatchObject({ database: 'down', cache: 'up' });
    } finally {
      startPostgres();
    }
    const back = await eventually(() => ready(t), (r) => r.status === 200, 30_000);
    expect(back.body).toMatchObject({ database: 'up', cache: 'up' });
    expect((await t.gql('{ agents { totalCount } }')).body.errors).toBeUndefined();
  });

  it('reports Redis down while it is stopped and ready again once it is started', async () => {
    execFileSync('redis-cli', ['shutdown', 'nosave'], { stdio: 'ignore' });
    try {
      const down = await eventually(() => ready(t), (r) => r.status === 503);
      expect(down.body).toMatchObject({ database: 'up', cache: 'down' });
    } finally {
      startRedis();
    }
    const back = await eventually(() => ready(t), (r) => r.status === 200, 30_000);
    expect(back.body).toMatchObject({ database: 'up', cache: 'up' });
  });
});
