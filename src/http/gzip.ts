import zlib from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';

export interface GzipOptions {
  /** Bodies smaller than this many bytes go out as they are. */
  threshold: number;
  /** zlib level, 1 (fastest) to 9; 0 turns compression off. */
  level: number;
}

/** Bodies at least this large are compressed on libuv's thread pool instead of the event loop. */
const ASYNC_FROM_BYTES = 64 * 1024;

/** Whether an Accept-Encoding header accepts gzip (explicitly or through `*`), with q > 0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const accepted = !q || Number(q.slice(2)) > 0;
    if (name === 'gzip') return accepted;
    star = accepted;
  }
  return star;
}

/**
 * gzip for GraphQL responses, which the Apollo integration hands to `res.send`
 * whole: one zlib call per body. The `compression` middleware streams every
 * response through a zlib stream instead, and its set-up per response cost
 * more CPU than the rest of a 50-call list request (see the read-performance
 * notes); it stays on the routes that stream files (GraphiQL's assets).
 */
export function gzipResponses(options: GzipOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (options.level <= 0) {
      next();
      return;
    }
    res.vary('Accept-Encoding');
    if (req.method === 'HEAD' || !acceptsGzip(req.headers['accept-encoding'])) {
      next();
      return;
    }
    const send = res.send;
    res.send = function sendCompressed(this: Response, body?: unknown) {
      res.send = send;
      if ((typeof body !== 'string' && !Buffer.isBuffer(body)) || res.getHeader('content-encoding') || res.statusCode === 204 || res.statusCode === 304) {
        return send.call(this, body);
      }
      const input = typeof body === 'string' ? Buffer.from(body) : body;
      if (input.length < options.threshold) return send.call(this, body);
      // Express's res.send(Buffer) would call it octet-stream when nothing set a type.
      if (!res.getHeader('content-type')) res.type(typeof body === 'string' ? 'html' : 'bin');
      if (input.length < ASYNC_FROM_BYTES) {
        res.setHeader('content-encoding', 'gzip');
        return send.call(this, zlib.gzipSync(input, { level: options.level }));
      }
      zlib.gzip(input, { level: options.level }, (err, compressed) => {
        if (err) {
          send.call(this, input);
          return;
        }
        res.setHeader('content-encoding', 'gzip');
        send.call(this, compressed);
      });
      return this;
    };
    next();
  };
}
