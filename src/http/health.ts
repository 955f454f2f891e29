import type { Request, Response } from 'express';
import type { AppServices } from '../context.js';

/** A dependency that does not answer within this long counts as down. */
const PROBE_TIMEOUT_MS = 2_000;

async function probe(check: () => Promise<void>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** GET /health: the process is alive and serving HTTP; says nothing about dependencies. */
export function health(_req: Request, res: Response): void {
  res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
}

/**
 * GET /ready: 200 when the database and the cache both answer, else 503 with
 * the one that is down. Probed on every call, so it recovers with no restart.
 * `views` says whether the analytics views include every committed call
 * (`current`, `behind`, `refreshing`; `unknown` when the database is down).
 * It does not decide the status: the views live in the shared database, so
 * every instance would turn unready at once over answers that are only late.
 */
export function readiness(services: AppServices & { ping: { database: () => Promise<void> } }, viewsState: () => Promise<string>) {
  return async (_req: Request, res: Response): Promise<void> => {
    const [database, cache] = await Promise.all([probe(services.ping.database), probe(() => services.cache.ping())]);
    const ready = database === 'up' && cache === 'up';
    const views = database === 'up' ? await viewsState().catch(() => 'unknown') : 'unknown';
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      database,
      cache,
      cacheKind: services.cache.kind,
      views,
    });
  };
}
