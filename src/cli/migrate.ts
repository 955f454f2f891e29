import 'reflect-metadata';
import { loadConfigOrExit } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { createLogger } from '../observability/logger.js';
import { loggableError } from '../db/errors.js';

// `npm run db:migrate`: applies pending migrations to the configured database (server or embedded).
const config = loadConfigOrExit();
const logger = createLogger(config);
const database = await openDatabase(config, logger);
try {
  const result = await migrate(database.db);
  logger.info({ mode: database.mode, applied: result.applied, total: result.total }, result.applied.length ? 'migrations applied' : 'database already up to date');
} catch (err) {
  logger.fatal({ err: loggableError(err) }, 'migration failed');
  process.exitCode = 1;
} finally {
  await database.close();
}
