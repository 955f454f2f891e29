import { pino, type Logger } from 'pino';
import type { Config } from '../config.js';

export type { Logger };

/** The process logger: JSON lines on stdout; secrets are redacted wherever they appear. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'parley' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'config.DATABASE_URL', 'config.REDIS_URL', 'config.EMBEDDING_API_KEY', '*.apiKey'],
      censor: '[redacted]',
    },
  });
}
