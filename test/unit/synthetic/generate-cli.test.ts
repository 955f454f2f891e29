import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../../src/cli/flags.js';
import { main, parseGenerateArgs } from '../../../src/cli/generate.js';
import { writeNdjson } from '../../../src/cli/ndjson.js';
import { generateCalls } from '../../../src/synthetic/generator.js';

/** Counts how far the generator runs ahead of what the stream has accepted. */
function tracked(count: number): { records: Iterable<unknown>; pulled: () => number } {
  let pulled = 0;
  const source = generateCalls({ calls: count, seed: 1 });
  return {
    records: (function* counting() {
      for (const call of source) {
        pulled++;
        yield call;
      }
    })(),
    pulled: () => pulled,
  };
}

describe('parseGenerateArgs', () => {
  it('reads every option', () => {
    const options = parseGenerateArgs([
      '--calls', '100', '--seed', '42', '--agents', '5', '--customers', '70',
      '--until', '2026-01-01T00:00:00Z', '--days', '30', '--offset', '10', '--labels',
    ]);
    expect(options).toMatchObject({ calls: 100, seed: 42, agents: 5, customers: 70, days: 30, offset: 10, labels: true });
    expect(options.until?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('rejects missing, malformed, unknown and out-of-range arguments', () => {
    expect(() => parseGenerateArgs([])).toThrow(/--calls is required/);
    expect(() => parseGenerateArgs(['--calls', '1e3'])).toThrow(/--calls must be an integer/);
    expect(() => parseGenerateArgs(['--calls', '10', '--what'])).toThrow(UsageError);
    expect(() => parseGenerateArgs(['--calls', '10', '--agents', '0'])).toThrow(/--agents must be an integer from 1/);
    expect(() => parseGenerateArgs(['--calls', '10', '--until', 'soon'])).toThrow(/--until must be an ISO-8601/);
    expect(() => parseGenerateArgs(['--calls', '10', 'extra'])).toThrow(UsageError);
  });
});

describe('main', () => {
  afterEach(() => vi.restoreAllMocks());

  it('exits 2 with a message on stderr for bad arguments', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['--calls', 'many'])).toBe(2);
    expect(String(stderr.mock.calls[0][0])).toContain('--calls must be an integer');
  });

  it('writes one JSON object per line, with labels on request', async () => {
    const chunks: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      chunks.push(String(chunk));
      return true;
    });
    expect(await main(['--calls', '3', '--seed', '4', '--labels'])).toBe(0);
    const lines = chunks.join('').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.callId)).toEqual(['CALL-000000001', 'CALL-000000002', 'CALL-000000003']);
    expect(lines[0].labels.topics.length).toBeGreaterThan(0);
  });
});

describe('writeNdjson', () => {
  it('waits for drain instead of buffering the whole run', async () => {
    const received: string[] = [];
    let maxLag = 0;
    const { records, pulled } = tracked(300);
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk, _encoding, callback) {
        const lines = String(chunk).split('\n').filter(Boolean);
        received.push(...lines);
        maxLag = Math.max(maxLag, pulled() - received.length);
        setTimeout(callback, 1);
      },
    });
    expect(await writeNdjson(records, slow)).toBe(true);
    expect(received).toHaveLength(300);
    expect(JSON.parse(received[299]).callId).toBe('CALL-000000300');
    expect(maxLag).toBeLessThan(100);
  });

  it('stops quietly when the reader goes away (EPIPE)', async () => {
    const { records, pulled } = tracked(5_000);
    let writes = 0;
    const closing = new Writable({
      write(_chunk, _encoding, callback) {
        writes++;
        callback(writes > 1 ? Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) : null);
      },
    });
    expect(await writeNdjson(records, closing)).toBe(false);
    expect(pulled()).toBeLessThan(5_000);
  });

  it('throws stream errors other than EPIPE', async () => {
    const broken = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
      },
    });
    await expect(writeNdjson(tracked(100).records, broken)).rejects.toThrow('disk full');
  });
});
