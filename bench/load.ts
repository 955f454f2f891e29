import { performance } from 'node:perf_hooks';

/** One request of a load run: resolves to whether it succeeded, and why not. */
export type Request = () => Promise<{ ok: boolean; error?: string }>;

/** What a closed loop of clients measured against one server. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  /** Latencies of the successful requests, in ms, sorted. */
  latencies: number[];
  firstError?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Sends one GraphQL request; ok when HTTP 200 and no errors. */
export async function sendGraphql(url: string, query: string, variables: Record<string, unknown>): Promise<{ ok: boolean; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  return { ok: res.status === 200 && !body.errors, body };
}

/** Sends one GET to the hand-written server; ok when HTTP 200. */
export async function sendGet(url: string): Promise<{ ok: boolean; body: any }> {
  const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  const text = await res.text();
  return { ok: res.status === 200, body: res.status === 200 ? JSON.parse(text) : text };
}

/**
 * `concurrency` clients in a closed loop for `seconds` (after a short
 * warm-up that is not measured). Bounded in time by design.
 */
export async function runLoad(request: Request, seconds: number, concurrency: number, warmUpMs = 1_000): Promise<LoadResult> {
  const warmUntil = performance.now() + warmUpMs;
  const until = warmUntil + seconds * 1_000;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const client = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      let ok = false;
      try {
        const result = await request();
        ok = result.ok;
        if (!ok) firstError ??= result.error;
      } catch (err) {
        firstError ??= (err as Error).message;
      }
      const ended = performance.now();
      if (started < warmUntil) continue;
      if (ok) latencies.push(ended - started);
      else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, seconds, latencies, firstError };
}

/** Adds up rounds of the same load (latencies merged, time summed). */
export function mergeLoads(rounds: LoadResult[]): LoadResult {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    requests: rounds.reduce((n, r) => n + r.requests, 0),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    seconds: rounds.reduce((n, r) => n + r.seconds, 0),
    latencies,
    firstError: rounds.find((r) => r.firstError)?.firstError,
  };
}

export const reqPerSec = (r: LoadResult) => r.requests / r.seconds;

/** A markdown table, first column left-aligned, the others right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}
