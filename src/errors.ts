import { GraphQLError } from 'graphql';

/** Every error code a client can see in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNKNOWN_AGENT'
  | 'UNKNOWN_CUSTOMER'
  | 'DUPLICATE_IN_BATCH'
  | 'SERVICE_UNAVAILABLE'
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL_SERVER_ERROR';

export interface AppErrorOptions {
  /** The argument at fault, e.g. `first` or `filter.minSentiment`. */
  argument?: string;
  cause?: unknown;
  extensions?: Record<string, unknown>;
}

/** The one error type that domain code throws; its message and code reach the client as they are. */
export class AppError extends GraphQLError {
  declare readonly extensions: { code: ErrorCode; argument?: string; [key: string]: unknown };

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, {
      originalError: options.cause instanceof Error ? options.cause : undefined,
      extensions: { code, ...(options.argument ? { argument: options.argument } : {}), ...options.extensions },
    });
    this.name = 'AppError';
  }
}

export function badInput(argument: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { argument });
}
