import cliProgress from 'cli-progress';

/** A progress display on stderr: a bar with rate and ETA on a terminal, else a plain line every few seconds. */
export interface Progress {
  /** `done` is in the unit of `total` (bytes of a file, or calls); `calls` drives the rate. */
  update(done: number, calls: number): void;
  stop(): void;
}

const PLAIN_INTERVAL_MS = 5_000;

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  const rate = (calls: number) => Math.round(calls / Math.max((performance.now() - started) / 1000, 0.001));
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {calls} calls | {rate} calls/s | ETA {eta_formatted}`,
        stream,
        hideCursor: true,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0, { calls: 0, rate: 0 });
    return {
      update: (done, calls) => bar.update(done, { calls: calls.toLocaleString('en-US'), rate: rate(calls).toLocaleString('en-US') }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update: (done, calls) => {
      const now = performance.now();
      if (now - last < PLAIN_INTERVAL_MS) return;
      last = now;
      const fraction = total > 0 ? done / total : 0;
      const elapsed = (now - started) / 1000;
      const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : Number.NaN;
      stream.write(`${label}: ${calls.toLocaleString('en-US')} calls (${Math.round(fraction * 100)}%), ${rate(calls)} calls/s, ETA ${formatSeconds(eta)}\n`);
    },
    stop: () => {},
  };
}
