import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { loggableError, translateDatabaseError } from '../db/errors.js';
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
 * own client errors pass through. An unavailable dependency becomes
 * SERVICE_UNAVAILABLE, anything else INTERNAL_SERVER_ERROR; both carry an
 * errorId, and the original is logged under that id (without statement
 * parameters: they hold customer data). No stack trace, URL or upstream
 * response ever reaches a client.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const translated = translateDatabaseError(original);
    if (translated instanceof AppError) {
      const { code } = translated.extensions;
      if (code === 'SERVICE_UNAVAILABLE') {
        // An outage, not a bug: say so, so clients can retry; /ready reports it too.
        const errorId = randomUUID();
        logger.warn({ errorId, err: loggableError(translated.originalError ?? translated), path: formatted.path }, translated.message);
        return {
          message: `${translated.message}; try again shortly (errorId ${errorId})`,
          locations: formatted.locations,
          path: formatted.path,
          extensions: { ...translated.extensions, errorId },
        };
      }
      if (code !== 'INTERNAL_SERVER_ERROR') return { ...formatted, extensions: { ...translated.extensions } };
    }
    const code = formatted.extensions?.code;
    // Apollo labels only request errors (parse, validation, variable coercion) with
    // these codes; a resolver's own failure is INTERNAL_SERVER_ERROR by then.
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const errorId = randomUUID();
    logger.error({ errorId, err: loggableError(original), path: formatted.path }, 'unexpected error in operation');
    return {
      message: `Internal server error (errorId ${errorId})`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}
