import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { loggableError } from '../db/errors.js';
import type { ErrorCode } from '../errors.js';

/** What body-parser and express report before GraphQL sees a request, as a client can understand it. */
const KNOWN: Record<string, { code: ErrorCode; message: (err: { limit?: number }) => string }> = {
  'entity.parse.failed': { code: 'BAD_REQUEST', message: () => 'The request body is not valid JSON' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: (err) => `The request body is larger than the limit of ${err.limit} bytes` },
  'entity.verify.failed': { code: 'BAD_REQUEST', message: () => 'The request body could not be read' },
  'request.aborted': { code: 'BAD_REQUEST', message: () => 'The request was aborted before its body arrived' },
  'request.size.invalid': { code: 'BAD_REQUEST', message: () => 'The request body does not match its Content-Length' },
  'encoding.unsupported': { code: 'BAD_REQUEST', message: () => 'The request body has an unsupported Content-Encoding' },
  'charset.unsupported': { code: 'BAD_REQUEST', message: () => 'The request body has an unsupported charset' },
};

/**
 * The last express middleware: whatever fails outside GraphQL (a malformed or
 * oversized body, a bug in a route) is answered as a GraphQL-shaped JSON
 * error with a code, never with express's default HTML page, which carries
 * the stack and absolute paths whatever NODE_ENV says.
 */
export function httpErrorHandler(logger: Logger) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const e = (err ?? {}) as { type?: string; status?: number; statusCode?: number; limit?: number };
    const status = e.status ?? e.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const known = e.type ? KNOWN[e.type] : undefined;
      const error = known ? { message: known.message(e), code: known.code } : { message: 'The request could not be read', code: 'BAD_REQUEST' };
      res.status(status).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
      return;
    }
    const errorId = randomUUID();
    (res.locals.logger ?? logger).error({ errorId, err: loggableError(err) }, 'unexpected error outside GraphQL');
    res.status(500).json({ errors: [{ message: `Internal server error (errorId ${errorId})`, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } }] });
  };
}
