import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../db/errors.js';
import { AppError } from '../errors.js';

/** Codes produced by GraphQL itself (parsing, validation, variables): safe to show as they are. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * The one place errors are translated for clients. AppErrors and GraphQL's
 * own client errors pass through; anything else becomes INTERNAL_SERVER_ERROR
 * with an errorId, and the original is logged under that id. No stack trace
 * ever reaches a response.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof AppError && original.extensions.code !== 'INTERNAL_SERVER_ERROR') {
      return { ...formatted, extensions: { ...original.extensions } };
    }
    const code = formatted.extensions?.code;
    // Apollo labels only request errors (parse, validation, variable coercion) with
    // these codes; a resolver's own failure is INTERNAL_SERVER_ERROR by then.
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const errorId = randomUUID();
    if (isDatabaseUnavailable(original)) {
      // An outage, not a bug: say so, so clients can retry; /ready reports it too.
      logger.warn({ errorId, err: original, path: formatted.path }, 'database unavailable');
      return {
        message: `The database is unavailable; try again shortly (errorId ${errorId})`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE', errorId },
      };
    }
    logger.error({ errorId, err: original, path: formatted.path }, 'unexpected error in operation');
    return {
      message: `Internal server error (errorId ${errorId})`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}
