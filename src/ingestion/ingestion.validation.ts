/**
 * The rules every ingested item must pass, as pure functions over `unknown`
 * values: the same code checks GraphQL inputs (already typed) and NDJSON
 * lines (anything at all), so the mutation and the CLI can never disagree.
 */

import { checkIsoDateTime, InvalidDateTime } from '../common/date-time.js';
import { intRangeProblem } from '../common/int-range.js';
import { canonicalLanguageTag, MAX_LANGUAGE_TAG_CHARS } from '../common/language-tag.js';
import { charCount, unstorableTextProblem } from '../common/text.js';
import type { PartyNames } from '../parties/party.kind.js';

/** Most items one request (or one CLI batch) may carry; the contract's number. */
export const MAX_ITEMS_PER_REQUEST = 5_000;

export const CALL_ID_PATTERN = /^[A-Za-z0-9_-]{1,50}$/;
export const MIN_DURATION_SECONDS = 1;
export const MAX_DURATION_SECONDS = 14_400;
export const MIN_TRANSCRIPT_CHARS = 10;
export const MAX_TRANSCRIPT_CHARS = 200_000;
export const MAX_ID_CHARS = 50;
export const MAX_NAME_CHARS = 100;
export const MAX_EMAIL_CHARS = 255;
/** How far in the future a startTime may lie (clock skew between a dialer and us). */
export const MAX_FUTURE_MS = 86_400_000;

// Deliberately loose: one @, no spaces, a dot in the domain. Deliverability is not ours to judge.
const PLAUSIBLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A call that passed every rule, in the shape the pipeline stores. */
export interface ValidCall {
  callId: string;
  agentId: string;
  customerId: string;
  language: string;
  startTime: Date;
  durationSeconds: number;
  transcript: string;
  agentName: string | null;
  customerName: string | null;
}

export interface ValidParty {
  id: string;
  name: string;
  email: string | null;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const describe = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 60) ?? String(value));

/**
 * Every string of an item passes this first: what PostgreSQL cannot store
 * must be this item's error, never a failed INSERT that sinks its batch.
 */
function storable(problems: string[], field: string, value: string): boolean {
  const problem = unstorableTextProblem(value);
  if (problem) problems.push(`${field} ${problem}`);
  return problem === null;
}

function requiredString(problems: string[], field: string, value: unknown, max: number): string | null {
  if (typeof value !== 'string') {
    problems.push(`${field} must be a string; got ${describe(value)}`);
    return null;
  }
  if (!storable(problems, field, value)) return value;
  const length = charCount(value);
  if (value.trim().length === 0) problems.push(`${field} must not be empty`);
  else if (length > max) problems.push(`${field} must have at most ${max} characters; got ${length}`);
  return value;
}

function optionalName(problems: string[], field: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return requiredString(problems, field, value, MAX_NAME_CHARS);
}

function language(problems: string[], value: unknown): string {
  if (value === undefined || value === null) return 'en';
  const tag = typeof value === 'string' ? canonicalLanguageTag(value) : null;
  if (tag === null) {
    problems.push(`language must be a language tag such as en, es, fr, de or pt-BR (at most ${MAX_LANGUAGE_TAG_CHARS} characters); got ${describe(value)}`);
    return 'en';
  }
  return tag;
}

function startTime(problems: string[], value: unknown, now: Date): Date {
  // GraphQL's DateTime scalar hands over an InvalidDateTime for a well-shaped
  // text that names no storable instant; the CLI hands over the text itself.
  const checked =
    value instanceof InvalidDateTime
      ? ({ ok: false, problem: value.problem } as const)
      : value instanceof Date
        ? ({ ok: true, date: value } as const)
        : typeof value === 'string'
          ? checkIsoDateTime(value)
          : ({ ok: false, problem: 'must be an ISO-8601 date-time with a time zone, e.g. 2026-03-01T14:05:00Z' } as const);
  if (!checked.ok) {
    problems.push(`startTime ${checked.problem}; got ${describe(value instanceof InvalidDateTime ? value.text : value)}`);
    return new Date(0);
  }
  const date = checked.date;
  const latest = now.getTime() + MAX_FUTURE_MS;
  if (date.getTime() > latest) {
    problems.push(
      `startTime must be at most 24 hours in the future (not after ${new Date(latest).toISOString()}); got ${date.toISOString()}`,
    );
  }
  return date;
}

function duration(problems: string[], value: unknown): number {
  const problem = intRangeProblem('durationSeconds', value, MIN_DURATION_SECONDS, MAX_DURATION_SECONDS);
  if (problem) problems.push(problem);
  return value as number;
}

function transcript(problems: string[], value: unknown): string {
  if (typeof value !== 'string') {
    problems.push(`transcript must be a string; got ${describe(value)}`);
    return '';
  }
  if (!storable(problems, 'transcript', value)) return value;
  const length = charCount(value);
  if (length < MIN_TRANSCRIPT_CHARS || length > MAX_TRANSCRIPT_CHARS) {
    problems.push(`transcript must have ${MIN_TRANSCRIPT_CHARS} to ${MAX_TRANSCRIPT_CHARS} characters; got ${length}`);
  }
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The callId of an item if it is a string, for error reports even when the item is bad. */
export function callIdOf(item: unknown): string | null {
  return isRecord(item) && typeof item.callId === 'string' ? item.callId : null;
}

/** Checks one CallInput-shaped value; `now` is the server clock (a parameter, so tests can pin it). */
export function validateCall(item: unknown, now: Date): Checked<ValidCall> {
  if (!isRecord(item)) return { ok: false, problems: [`a call must be an object; got ${describe(item)}`] };
  const problems: string[] = [];
  if (typeof item.callId !== 'string' || !CALL_ID_PATTERN.test(item.callId)) {
    const length = typeof item.callId === 'string' ? ` (${charCount(item.callId)} characters)` : '';
    problems.push(`callId must be 1 to 50 characters of A-Z, a-z, 0-9, _ and -; got ${describe(item.callId)}${length}`);
  }
  const value: ValidCall = {
    callId: item.callId as string,
    agentId: requiredString(problems, 'agentId', item.agentId, MAX_ID_CHARS) ?? '',
    customerId: requiredString(problems, 'customerId', item.customerId, MAX_ID_CHARS) ?? '',
    language: language(problems, item.language),
    startTime: startTime(problems, item.startTime, now),
    durationSeconds: duration(problems, item.durationSeconds),
    transcript: transcript(problems, item.transcript),
    agentName: optionalName(problems, 'agentName', item.agentName),
    customerName: optionalName(problems, 'customerName', item.customerName),
  };
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

/** Checks one AgentInput or CustomerInput; `idField` is `agentId` or `customerId`. */
export function validateParty(item: unknown, idField: PartyNames['idField']): Checked<ValidParty> {
  if (!isRecord(item)) return { ok: false, problems: [`an item must be an object; got ${describe(item)}`] };
  const problems: string[] = [];
  const id = requiredString(problems, idField, item[idField], MAX_ID_CHARS) ?? '';
  const name = requiredString(problems, 'name', item.name, MAX_NAME_CHARS) ?? '';
  let email: string | null = null;
  if (item.email !== undefined && item.email !== null) {
    if (typeof item.email !== 'string') {
      problems.push(`email must look like name@example.com; got ${describe(item.email)}`);
    } else if (storable(problems, 'email', item.email)) {
      // Length first: the pattern backtracks on long inputs.
      const length = charCount(item.email);
      if (length > MAX_EMAIL_CHARS) problems.push(`email must have at most ${MAX_EMAIL_CHARS} characters; got ${length}`);
      else if (!PLAUSIBLE_EMAIL.test(item.email)) problems.push(`email must look like name@example.com; got ${describe(item.email)}`);
      else email = item.email;
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: { id, name, email } };
}
