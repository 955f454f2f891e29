import { performance } from 'node:perf_hooks';

/** One kind of request the bench repeats: a GraphQL document and a variables maker. */
export interface Scenario {
  name: string;
  query: string;
  variables: () => Record<string, unknown>;
}

export interface ScenarioResult {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  firstError?: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Sends one GraphQL request; returns whether it succeeded (HTTP 200 and no errors). */
export async function send(url: string, query: string, variables: Record<string, unknown>): Promise<{ ok: boolean; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  return { ok: res.status === 200 && !body.errors, body };
}

/**
 * Runs a scenario with `concurrency` clients in a closed loop for `seconds`
 * (after a short warm-up that is not measured). Bounded in time by design.
 */
export async function runScenario(url: string, scenario: Scenario, seconds: number, concurrency: number): Promise<ScenarioResult> {
  const warmUntil = performance.now() + Math.min(2_000, seconds * 200);
  const until = warmUntil + seconds * 1_000;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const client = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      let ok = false;
      try {
        const result = await send(url, scenario.query, scenario.variables());
        ok = result.ok;
        if (!ok) firstError ??= JSON.stringify(result.body).slice(0, 300);
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
  return {
    name: scenario.name,
    requests: latencies.length,
    errors,
    seconds,
    reqPerSec: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    firstError,
  };
}

export function formatTable(results: ScenarioResult[]): string {
  const rows = results.map((r) => [r.name, r.requests.toString(), r.errors.toString(), r.reqPerSec.toFixed(0), r.p50Ms.toFixed(1), r.p99Ms.toFixed(1)]);
  const header = ['scenario', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}
