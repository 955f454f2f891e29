import 'reflect-metadata';
import { startParley } from './app.js';
import { loadConfigOrExit } from './config.js';
import { createLogger } from './observability/logger.js';
import { loggableError } from './db/errors.js';

const config = loadConfigOrExit();
const logger = createLogger(config);

try {
  const parley = await startParley(config, logger);
  logger.info(
    { url: `${parley.url}/graphql`, database: parley.database.mode, cache: parley.cache.kind },
    `Parley is serving GraphQL at ${parley.url}/graphql (Sandbox), GraphiQL at ${parley.url}/graphiql`,
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      logger.flush(() => process.exit(1));
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    // pino writes asynchronously: flush before exiting so the last lines are not lost.
    const exit = (code: number) => logger.flush(() => process.exit(code));
    parley.stop().then(
      () => {
        logger.info('stopped');
        exit(0);
      },
      (err: unknown) => {
        logger.error({ err: loggableError(err) }, 'error while stopping');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (err) {
  logger.fatal({ err: loggableError(err) }, 'Parley failed to start');
  logger.flush(() => process.exit(1));
}
