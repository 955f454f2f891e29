// The only test file that reads the environment: where the test services are.
export function testEnv() {
  return {
    /** A database to connect to for creating and dropping per-file test databases. */
    adminDatabaseUrl: process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379',
    requireServices: process.env.TEST_REQUIRE_SERVICES === '1' || process.env.CI === 'true',
    /** Limits the modes, e.g. TEST_MODES=embedded for a quick run. */
    modes: process.env.TEST_MODES?.split(',').map((m) => m.trim()),
  };
}
