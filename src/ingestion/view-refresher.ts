import { AsyncResource } from 'node:async_hooks';
import type { Logger } from 'pino';
import { analyticsViewsBehind, refreshAnalyticsViews } from '../analytics/analytics.repository.js';
import type { Database } from '../db/client.js';
import { loggableError } from '../db/errors.js';

export interface ViewRefresherOptions {
  /** Quiet period after a write before refreshing; null: writes only mark the views, flush() refreshes (the commands). */
  debounceMs: number | null;
  /** First delay before retrying a failed refresh; it doubles on each failure in a row. */
  retryMinMs: number;
  /** Longest delay between two retries. */
  retryMaxMs: number;
  /** statement_timeout of each REFRESH (the API's own timeout is for reads). */
  timeoutMs: number;
}

/** What /ready reports about the views. */
export type ViewsState = 'current' | 'behind' | 'refreshing';

/**
 * Refreshes the analytics views after writes, at most once per quiet period:
 * a burst of batches costs one refresh, not one per batch. Never two at once
 * (a write during a refresh schedules exactly one more). A failed refresh is
 * logged, not thrown (the writes themselves have committed), and retried
 * after a delay that doubles up to `retryMaxMs`, with no further write needed.
 *
 * What is owed survives the process: writers mark the views behind in their
 * own transaction (`analytics_pending_writes`), and catchUp() at start-up
 * refreshes when a process before this one left them behind.
 */
export class ViewRefresher {
  readonly #db: Database;
  readonly #logger: Logger;
  readonly #options: ViewRefresherOptions;
  // Timers would otherwise run inside the async context of the request that
  // scheduled them, and the refresh would count towards its SQL statements.
  readonly #scope = new AsyncResource('ViewRefresher');
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<boolean> | null = null;
  #dirty = false;
  #closed = false;
  /** Failed refreshes in a row; sets the next retry's delay. */
  #failures = 0;
  /** Completed refreshes; for logs and tests. */
  refreshes = 0;

  constructor(db: Database, logger: Logger, options: ViewRefresherOptions) {
    this.#db = db;
    this.#logger = logger;
    this.#options = options;
  }

  /** Notes that calls changed; a refresh follows within the debounce period (or after a pending retry). */
  schedule(): void {
    if (this.#closed) return;
    this.#dirty = true;
    if (this.#timer || this.#running || this.#options.debounceMs === null) return;
    this.#arm(this.#options.debounceMs);
  }

  /**
   * At start-up: when the database says the views are behind (a process
   * before this one wrote calls and died, or its refresh failed), refreshes
   * now. Resolves when that first attempt is over; never rejects (a failure
   * is retried like any other).
   */
  async catchUp(): Promise<void> {
    let behind: boolean;
    try {
      behind = await analyticsViewsBehind(this.#db);
    } catch (err) {
      // Cannot tell: refreshing when nothing is owed costs one refresh, missing one costs stale answers.
      this.#logger.warn({ err: loggableError(err) }, 'could not check whether the analytics views are behind; refreshing them');
      behind = true;
    }
    if (!behind || this.#closed) return;
    this.#logger.info('the analytics views are behind the calls: refreshing them');
    this.#dirty = true;
    if (this.#running) await this.#running;
    else await this.#run();
  }

  /** 'refreshing' while a refresh runs; otherwise whether the database owes one. */
  async state(): Promise<ViewsState> {
    if (this.#running) return 'refreshing';
    return (await analyticsViewsBehind(this.#db)) ? 'behind' : 'current';
  }

  /**
   * Runs a pending refresh now and waits for it (and any running one),
   * trying at most `attempts` times with the retry delays in between.
   * Resolves true when nothing is left to refresh.
   */
  async flush(attempts = 1): Promise<boolean> {
    let failed = 0;
    for (;;) {
      if (this.#running) {
        await this.#running;
        continue;
      }
      if (!this.#dirty) return true;
      if (failed >= attempts) return false;
      if (failed > 0) await new Promise((resolve) => setTimeout(resolve, this.#retryDelay(failed)));
      if (this.#running) continue;
      if (!(await this.#run())) failed++;
    }
  }

  /** Flushes (see flush), then ignores later schedules; for shutdown. Resolves true when the views are current. */
  async close(attempts = 1): Promise<boolean> {
    const current = await this.flush(attempts);
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (!current) this.#logger.error('the analytics views are still behind; the next start (server or command) refreshes them');
    return current;
  }

  #arm(ms: number): void {
    this.#timer = setTimeout(() => this.#scope.runInAsyncScope(() => void this.#run()), ms);
    this.#timer.unref();
  }

  /** Bounded exponential backoff: retryMinMs, twice that, … up to retryMaxMs. */
  #retryDelay(failures: number): number {
    const { retryMinMs, retryMaxMs } = this.#options;
    return Math.min(retryMaxMs, retryMinMs * 2 ** Math.min(failures - 1, 30));
  }

  /** Resolves true when the refresh succeeded. */
  #run(): Promise<boolean> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#running) return this.#running;
    this.#dirty = false;
    const started = performance.now();
    this.#running = refreshAnalyticsViews(this.#db, this.#options.timeoutMs)
      .then(
        () => {
          this.refreshes++;
          if (this.#failures > 0) this.#logger.info({ failures: this.#failures }, 'analytics views refreshed after failures');
          this.#failures = 0;
          this.#logger.debug({ ms: Math.round(performance.now() - started) }, 'analytics views refreshed');
          return true;
        },
        (err: unknown) => {
          // Still owed, whatever comes next; the database's mark stays too.
          this.#dirty = true;
          this.#failures++;
          const retryInMs = this.#retryDelay(this.#failures);
          if (this.#closed) {
            this.#logger.error({ err: loggableError(err), attempt: this.#failures }, 'refreshing the analytics views failed');
          } else {
            this.#logger.error({ err: loggableError(err), attempt: this.#failures, retryInMs }, 'refreshing the analytics views failed; retrying');
          }
          return false;
        },
      )
      .finally(() => {
        this.#running = null;
        if (!this.#dirty || this.#closed || this.#timer) return;
        // A failure waits for its retry delay; writes that landed during a successful refresh wait for the debounce.
        if (this.#failures > 0) this.#arm(this.#retryDelay(this.#failures));
        else this.schedule();
      });
    return this.#running;
  }
}
