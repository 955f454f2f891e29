import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_ITEMS_PER_REQUEST, MAX_TRANSCRIPT_CHARS } from '../src/ingestion/ingestion.validation.js';
import { generateCalls } from '../src/synthetic/generator.js';
import type { SyntheticCall } from '../src/synthetic/types.js';

// Shared by `npm run bench:ingest -- --memory` and the memory integration
// test: the real gateway as a child process, its RSS sampled from /proc, and
// the largest request the limits of src/config.ts and the validation allow.

/** dist/src/main.js of this checkout, from bench/ (tsx-free: vitest) or dist/bench/ (compiled). */
export function mainScriptPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = here.includes(`${path.sep}dist${path.sep}`) ? path.resolve(here, '../..') : path.resolve(here, '..');
  return path.join(root, 'dist', 'src', 'main.js');
}

export interface GatewayProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts `node dist/src/main.js` with exactly `env` (plus PATH) and waits for its "serving" log line. */
export async function startGateway(env: Record<string, string>, timeoutMs = 180_000): Promise<GatewayProcess> {
  let output = '';
  const child = spawn(process.execPath, [mainScriptPath()], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', DEMO_SEED: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d: Buffer) => {
    output += d;
    // The log of a long run can grow; the start-up line is all this needs.
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = output.match(/"url":"(http:\/\/[^"]+)\/graphql"/);
    if (match) return { child, pid: child.pid!, url: match[1], output: () => output, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop(1_000);
      throw new Error(`the gateway did not start:\n${output.slice(-4_000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resident set size of a process in bytes (VmRSS), or null once it is gone. */
export function rssOf(pid: number): number | null {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `intervalMs` until stopped; `max` is the peak seen. */
export class RssSampler {
  readonly #timer: NodeJS.Timeout;
  #max = 0;
  #last = 0;

  constructor(readonly pid: number, intervalMs = 50) {
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), intervalMs);
  }

  #sample(): void {
    const rss = rssOf(this.pid);
    if (rss === null) return;
    this.#last = rss;
    this.#max = Math.max(this.#max, rss);
  }

  get max(): number {
    return this.#max;
  }

  get last(): number {
    return this.#last;
  }

  /** Starts a new peak from the current value. */
  resetPeak(): void {
    this.#sample();
    this.#max = this.#last;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

export const MB = 1024 * 1024;

/** express/body-parser's `64mb` → bytes (1024-based, as the `bytes` package reads it). */
export function bodyLimitBytes(limit: string): number {
  const match = /^(\d+)(kb|mb)$/.exec(limit);
  if (!match) throw new Error(`not a body limit: ${limit}`);
  return Number(match[1]) * (match[2] === 'mb' ? MB : 1024);
}

/** A realistic transcript of exactly `chars` characters (ASCII-safe: generated English turns, repeated). */
export function longTranscript(chars: number, seed: number): string {
  let text = '';
  for (const call of generateCalls({ calls: 200, seed })) {
    if (call.language !== 'en') continue;
    // ASCII only, so a character is one byte of the body and the request fills the limit exactly.
    text += `${call.transcript.replace(/[^\x20-\x7e\n]/g, '')}\n`;
    if (text.length >= chars) break;
  }
  while (text.length < chars) text += text;
  // Cut at a line end, then pad the last line with words so the length is exact.
  const cut = text.lastIndexOf('\n', chars - 1);
  text = text.slice(0, cut);
  const filler = ' and we can talk about the price next week';
  let line = '\nCustomer: okay';
  while (text.length + line.length < chars) line += filler;
  return (text + line).slice(0, chars);
}

/**
 * The largest request the limits allow: calls of MAX_TRANSCRIPT_CHARS
 * characters (ASCII, one byte each in the body), as many as fit in the body
 * limit (and at most MAX_ITEMS_PER_REQUEST). `prefix` keeps callIds of
 * several requests apart.
 */
export function largestLegalRequest(bodyLimit: string, prefix: string, seed = 7): { body: string; calls: number; bytes: number } {
  const limit = bodyLimitBytes(bodyLimit);
  const transcript = longTranscript(MAX_TRANSCRIPT_CHARS, seed);
  const query = 'mutation Ingest($c: [CallInput!]!) { ingestCalls(calls: $c) { received inserted skipped failed errors { index code message } } }';
  const head = `{"query":${JSON.stringify(query)},"variables":{"c":[`;
  const tail = ']}}';
  const parts: string[] = [];
  let bytes = head.length + tail.length;
  const template: SyntheticCall = {
    callId: '',
    agentId: 'AGENT-MEM-1',
    agentName: 'Memory Agent',
    customerId: 'CUST-MEM-1',
    customerName: 'Memory Customer',
    language: 'en',
    startTime: '2026-01-15T10:00:00.000Z',
    durationSeconds: 3_600,
    transcript,
  };
  for (let i = 0; i < MAX_ITEMS_PER_REQUEST; i++) {
    // Each call differs (its first words), so no two rows are byte-identical.
    const item = JSON.stringify({ ...template, callId: `${prefix}-${i}`, transcript: `Agent: ${i}${transcript.slice(`Agent: ${i}`.length)}` });
    const added = item.length + (parts.length > 0 ? 1 : 0);
    if (bytes + added > limit) break;
    parts.push(item);
    bytes += added;
  }
  const body = head + parts.join(',') + tail;
  if (Buffer.byteLength(body) !== bytes) throw new Error('the request body is not the size computed');
  return { body, calls: parts.length, bytes };
}

export interface IngestReply {
  received: number;
  inserted: number;
  skipped: number;
  failed: number;
  errors: { index: number; code: string; message: string }[];
}

/**
 * POSTs one prepared ingestCalls body; throws unless the server answered with
 * data. node:http, not fetch: undici gives up on headers after 300 s, and a
 * request of 300 long calls on a busy 2-CPU machine can take longer.
 */
export function postIngest(url: string, body: string): Promise<IngestReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('error', reject);
      res.on('end', () => {
        try {
          const json = JSON.parse(text) as { data?: { ingestCalls: IngestReply }; errors?: unknown[] };
          if (json.data?.ingestCalls) resolve(json.data.ingestCalls);
          else reject(new Error(`ingestCalls failed (HTTP ${res.statusCode}): ${JSON.stringify(json.errors).slice(0, 500)}`));
        } catch (err) {
          reject(new Error(`ingestCalls answered HTTP ${res.statusCode} with no JSON: ${text.slice(0, 200)} (${(err as Error).message})`));
        }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
