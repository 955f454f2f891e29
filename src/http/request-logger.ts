import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

declare module 'express-serve-static-core' {
  interface Locals {
    requestId: string;
    logger: Logger;
    operationName?: string;
    sqlStatements?: number;
  }
}

/**
 * Gives every request an id (the caller's `x-request-id` when it is sane),
 * echoes it in the response, and logs one line when the response is done.
 */
export function requestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('x-request-id');
    const requestId = header && REQUEST_ID.test(header) ? header : randomUUID();
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    // Made on first use: most requests log nothing but their summary line, if that.
    let child: Logger | undefined;
    Object.defineProperty(res.locals, 'logger', {
      get: () => (child ??= logger.child({ reqId: requestId })),
      enumerable: true,
      configurable: true,
    });
    res.setHeader('x-request-id', requestId);
    if (!logger.isLevelEnabled('info')) {
      next();
      return;
    }
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      res.locals.logger.info(
        {
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          operation: res.locals.operationName,
          sql: res.locals.sqlStatements,
        },
        'request',
      );
    });
    next();
  };
}
