import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { EnrichInput, EnrichOutcome } from './enrich-core.js';
import type { EnrichReply, EnrichTask } from './enrich.worker.js';

/**
 * The compiled worker script, beside this module. Workers cannot load
 * TypeScript, so under vitest (running src/) they use the build output in dist/.
 */
export function workerScriptPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (here.includes(`${path.sep}dist${path.sep}`)) return path.join(here, 'enrich.worker.js');
  const root = path.resolve(here, '../../..'); // src/ingestion/enrichment -> the checkout
  return path.join(root, 'dist', path.relative(root, here), 'enrich.worker.js');
}

interface Pending {
  task: EnrichTask;
  resolve: (results: EnrichOutcome[]) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  /** Stopped on purpose (idle): its exit is not a failure. */
  retired: boolean;
}

export interface EnrichPoolOptions {
  /** The worker script; default the compiled enrich.worker.js beside this module. */
  script?: string;
  /**
   * Stop every thread after this long without work (they start again on the
   * next task); null keeps them. An idle thread still holds its V8 heap, grown
   * to the largest batch it analysed, and wink's model: stopping it gives that
   * memory back to the operating system. Default null.
   */
  idleMs?: number | null;
  /** V8 heap limits of each thread (see worker_threads ResourceLimits). */
  resourceLimits?: ResourceLimits;
}

/**
 * A fixed number of worker threads fed from one FIFO queue, shared by every
 * request. Threads start on first use, so a gateway that never ingests never
 * pays for them, and (with `idleMs`) stop again after a quiet period. A
 * thread that dies fails only its current task and is replaced.
 */
export class EnrichPool {
  readonly #size: number;
  readonly #script: string;
  readonly #idleMs: number | null;
  readonly #resourceLimits: ResourceLimits | undefined;
  readonly #slots: Slot[] = [];
  readonly #queue: Pending[] = [];
  #idleTimer: NodeJS.Timeout | null = null;
  #nextId = 1;
  #closed = false;

  constructor(size: number, options: EnrichPoolOptions = {}) {
    this.#size = size;
    this.#script = options.script ?? workerScriptPath();
    this.#idleMs = options.idleMs ?? null;
    this.#resourceLimits = options.resourceLimits;
  }

  /** Threads running now (0 before the first task and after an idle stop). */
  get running(): number {
    return this.#slots.length;
  }

  get size(): number {
    return this.#size;
  }

  run(items: EnrichInput[], hashedDimensions: number | null): Promise<EnrichOutcome[]> {
    if (this.#closed) return Promise.reject(new Error('the enrichment pool is closed'));
    this.#clearIdleTimer();
    this.#start();
    return new Promise((resolve, reject) => {
      this.#queue.push({ task: { id: this.#nextId++, items, hashedDimensions }, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#clearIdleTimer();
    for (const pending of this.#queue.splice(0)) pending.reject(new Error('the enrichment pool was closed'));
    await Promise.all(this.#slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  #start(): void {
    if (this.#slots.length > 0) return;
    if (!existsSync(this.#script)) {
      throw new Error(`the enrichment worker ${this.#script} does not exist; run \`npm run build\` (or set ENRICH_WORKERS=0)`);
    }
    for (let i = 0; i < this.#size; i++) this.#slots.push(this.#spawn());
  }

  #spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.#script, { resourceLimits: this.#resourceLimits }), busy: null, retired: false };
    // Idle workers must not keep a CLI process alive; busy ones must (see #dispatch).
    slot.worker.unref();
    slot.worker.on('message', (reply: EnrichReply) => {
      const pending = slot.busy;
      slot.busy = null;
      slot.worker.unref();
      if (pending && pending.task.id === reply.id) pending.resolve(reply.results);
      this.#dispatch();
    });
    const fail = (err: Error) => {
      const pending = slot.busy;
      slot.busy = null;
      pending?.reject(err);
      const index = this.#slots.indexOf(slot);
      if (index >= 0 && !this.#closed) {
        this.#slots[index] = this.#spawn();
        this.#dispatch();
      }
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (!this.#closed && !slot.retired) fail(new Error(`enrichment worker exited with code ${code}`));
    });
    return slot;
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) break;
      if (slot.busy) continue;
      const pending = this.#queue.shift()!;
      slot.busy = pending;
      slot.worker.ref();
      slot.worker.postMessage(pending.task);
    }
    if (this.#queue.length === 0 && this.#slots.every((slot) => !slot.busy)) this.#armIdleTimer();
  }

  #armIdleTimer(): void {
    if (this.#idleMs === null || this.#closed || this.#slots.length === 0) return;
    this.#clearIdleTimer();
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null;
      // Nothing can be busy here: a new task clears the timer before it is queued.
      for (const slot of this.#slots.splice(0)) {
        slot.retired = true;
        void slot.worker.terminate();
      }
    }, this.#idleMs);
    this.#idleTimer.unref();
  }

  #clearIdleTimer(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }
}
