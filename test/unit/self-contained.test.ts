import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A user's clone has nothing beside it: only CI (.ci/run) may reach the
// shared folder next to this checkout (the contract, the layout checker).
// Spelled in two parts so this file does not match itself.
const OUTSIDE = new RegExp(['(\\.\\./)+', 'shared\\b|/work/', 'shared\\b'].join(''));

describe('the repository on its own', () => {
  it('has no code, test, script or npm script that reads the shared folder beside the checkout', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.startsWith('.ci/') && !f.startsWith('node_modules/') && !/\.(json|lock)$/.test(f) && !f.endsWith('.md'));
    const offenders = files.filter((file) => {
      try {
        return OUTSIDE.test(readFileSync(file, 'utf8'));
      } catch {
        return false; // deleted in the working tree
      }
    });
    const scripts = Object.entries((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts)
      .filter(([, command]) => OUTSIDE.test(command))
      .map(([name]) => `package.json scripts.${name}`);
    expect([...offenders, ...scripts]).toEqual([]);
  });
});
