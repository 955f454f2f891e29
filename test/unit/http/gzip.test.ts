import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, gzipResponses } from '../../../src/http/gzip.js';

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['deflate, gzip;q=1.0, *;q=0.5', true],
    ['GZIP', true],
    ['br, deflate', false],
    ['gzip;q=0', false],
    ['gzip; q=0.000', false],
    ['*', true],
    ['*;q=0', false],
    ['br, *;q=0.1', true],
    ['gzip;q=0, *', false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('gzipResponses', () => {
  let server: http.Server;
  let base: string;
  const sizes = { tiny: 100, small: 4_000, large: 300_000 };

  beforeAll(async () => {
    const app = express();
    app.use('/r', gzipResponses({ level: 1, threshold: 1024 }), (req, res) => {
      const n = sizes[req.query.size as keyof typeof sizes];
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.status(Number(req.query.status ?? 200)).send(JSON.stringify({ data: 'x'.repeat(n) }));
    });
    app.use('/off', gzipResponses({ level: 0, threshold: 0 }), (_req, res) => {
      res.send('y'.repeat(5000));
    });
    server = http.createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Raw bytes and headers (fetch would decompress silently). */
  const get = (path: string, encoding?: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${base}${path}`, { headers: encoding === undefined ? {} : { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });

  it.each(['small', 'large'] as const)('compresses a %s body whole for a client that accepts gzip, keeping its type', async (size) => {
    const res = await get(`/r?size=${size}`, 'gzip, br');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(sizes[size] / 10);
    expect(JSON.parse(zlib.gunzipSync(res.body).toString()).data).toHaveLength(sizes[size]);
  });

  it('sends bodies under the threshold, to clients that refuse gzip, and with compression off as they are', async () => {
    for (const [path, encoding] of [
      ['/r?size=tiny', 'gzip'],
      ['/r?size=large', undefined],
      ['/r?size=large', 'gzip;q=0'],
      ['/r?size=large', 'identity'],
      ['/off', 'gzip'],
    ] as const) {
      const res = await get(path, encoding);
      expect(res.headers['content-encoding'], `${path} ${encoding}`).toBeUndefined();
      expect(res.body.length).toBe(Number(res.headers['content-length']));
    }
    expect((await get('/r?size=tiny', 'gzip')).headers.vary).toMatch(/accept-encoding/i);
  });

  it('keeps the status of an error response it compresses', async () => {
    const res = await get('/r?size=small&status=400', 'gzip');
    expect(res.status).toBe(400);
    expect(zlib.gunzipSync(res.body).toString()).toContain('xxxx');
  });
});
