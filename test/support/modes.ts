import { inject } from 'vitest';
import type { TestMode } from './global-setup.js';

/** The modes this run tests: `postgres` (real PostgreSQL + Redis) when reachable, and `embedded`. */
export const testModes: TestMode[] = inject('testModes');
