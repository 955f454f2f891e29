import { describe, expect, it } from 'vitest';
import { describeError, isDataRefused, loggableError, translateDatabaseError, unavailableReason } from '../../../src/db/errors.js';
import { AppError } from '../../../src/errors.js';

/** The shape drizzle gives a failed statement: its message lists every parameter; the driver's error is the cause. */
function drizzleError(code: string, message: string, params: unknown[]) {
  const cause = Object.assign(new Error(message), { code, severity: 'ERROR' });
  return Object.assign(new Error(`Failed query: insert into calls values ($1)\nparams: ${params.join(',')}`), { query: 'insert into calls values ($1)', params, cause });
}

describe('the one translation of database errors', () => {
  it('finds the reason through the cause chain: unreachable, statement timeout, out of resources', () => {
    expect(unavailableReason(drizzleError('57014', 'canceling statement due to statement timeout', []))).toBe('timeout');
    expect(unavailableReason(drizzleError('53100', 'could not extend file: No space left on device', []))).toBe('resources');
    expect(unavailableReason(drizzleError('53300', 'too many connections', []))).toBe('resources');
    expect(unavailableReason(drizzleError('08006', 'connection failure', []))).toBe('unreachable');
    expect(unavailableReason(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe('unreachable');
    expect(unavailableReason(drizzleError('23514', 'violates check constraint', []))).toBeNull();
  });

  it('turns an unavailable database into SERVICE_UNAVAILABLE with the consequence, and leaves other errors alone', () => {
    const translated = translateDatabaseError(drizzleError('53100', 'disk full', ['a transcript']), 'nothing of this batch was written');
    expect(translated).toBeInstanceOf(AppError);
    expect((translated as AppError).extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect((translated as AppError).message).toBe('the database is out of resources (disk, memory or connections) (53100); nothing of this batch was written');
    const other = drizzleError('42P01', 'relation does not exist', []);
    expect(translateDatabaseError(other)).toBe(other);
    expect(isDataRefused(drizzleError('22021', 'invalid byte sequence', []))).toBe(true);
    expect(isDataRefused(drizzleError('57014', 'timeout', []))).toBe(false);
  });

  it('logs and describes a failed statement without its parameters', () => {
    const transcript = 'Customer: my account number is 1234-5678';
    const error = drizzleError('P0001', 'boom', [transcript, 'another']);
    const logged = JSON.stringify(loggableError(error));
    expect(logged).not.toContain('1234-5678');
    expect(logged).toContain('boom');
    expect(logged).toContain('insert into calls');
    expect(describeError(error)).toBe('boom (P0001)');
    expect(describeError(drizzleError('57014', 'canceling statement due to statement timeout', [transcript]))).toBe('the database did not answer in time (statement timeout) (57014)');
  });
});
