import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config.js';
import { openDatabase } from '../db/client.js';
import { describeError } from '../db/errors.js';
import { migrate } from '../db/migrate.js';
import { createLogger } from '../observability/logger.js';
import { refreshSearchTerms, SEARCH_TERMS_DEFAULTS } from '../search/search-terms.service.js';
import { intFlag, UsageError } from './flags.js';

const USAGE = `Usage: npm run search:terms -- [--min-share 0.05] [--rows 1000] [--max-terms 1000]

Lists, for every word found in at least --min-share of the calls (from the
planner's statistics), its --rows best-ranked calls, so that searchCalls on
that one word reads its first pages from an index instead of ranking every
match. Answers stay exact (see src/search/search-terms.service.ts); the lists
are kept current by a trigger on every write. Run it after a bulk load; words
no longer frequent are dropped. Writes to calls wait while new words are
listed (two passes over the calls' search vectors, for all new words at once).
`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      'min-share': { type: 'string', default: String(SEARCH_TERMS_DEFAULTS.minShare) },
      rows: { type: 'string', default: String(SEARCH_TERMS_DEFAULTS.rowsPerTerm) },
      'max-terms': { type: 'string', default: String(SEARCH_TERMS_DEFAULTS.maxTerms) },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (err) {
  process.stderr.write(`search:terms: ${(err as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
let options = SEARCH_TERMS_DEFAULTS;
try {
  const minShare = Number(values['min-share']);
  if (!/^\s*(0(\.\d+)?|1(\.0+)?|\.\d+)\s*$/.test(values['min-share']!) || !(minShare > 0)) {
    throw new UsageError(`--min-share must be a number over 0 and at most 1; got ${JSON.stringify(values['min-share'])}`);
  }
  options = { minShare, rowsPerTerm: intFlag('rows', values.rows, 1, 1_000_000)!, maxTerms: intFlag('max-terms', values['max-terms'], 0, 1_000)! };
} catch (err) {
  process.stderr.write(`search:terms: ${(err as Error).message}\n`);
  process.exit(2);
}

const config = loadConfigOrExit();
const logger = createLogger(config);
const database = await openDatabase(config, logger);
const started = performance.now();
try {
  await migrate(database.db);
  const result = await refreshSearchTerms(database.db, options);
  const listed = result.tracked.reduce((sum, term) => sum + term.calls, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `search:terms: ${result.tracked.length} words tracked (${result.added.length} added, ${result.removed.length} dropped), ${listed} listed calls, in ${seconds} s\n`,
  );
} catch (err) {
  process.stderr.write(`search:terms: stopped: ${describeError(err)}\nNo new word was listed (they are listed in one transaction); re-run.\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
