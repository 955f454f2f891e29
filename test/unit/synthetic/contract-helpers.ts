import type { CallInputLike } from '../../../src/synthetic/malformed.js';

const DAY_MS = 86_400_000;
const CALL_ID = /^[A-Za-z0-9_-]{1,50}$/;
/** BCP-47-ish: a 2-3 letter language, then 2-8 character subtags. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const WORD = /[\p{L}\p{N}']+/gu;

/** The CallInput limits of the contract, checked independently of the generator. */
export function contractViolations(input: CallInputLike, nowMs: number): string[] {
  const problems: string[] = [];
  if (!CALL_ID.test(input.callId)) problems.push('callId');
  if (!Number.isInteger(input.durationSeconds) || input.durationSeconds < 1 || input.durationSeconds > 14_400) {
    problems.push('durationSeconds');
  }
  if (input.transcript.length < 10 || input.transcript.length > 200_000) problems.push('transcript');
  if (input.language !== undefined && !LANGUAGE_TAG.test(input.language)) problems.push('language');
  const start = Date.parse(input.startTime);
  if (Number.isNaN(start) || start > nowMs + DAY_MS) problems.push('startTime');
  return problems;
}

export type Role = 'agent' | 'customer' | 'other';

/** Lines with their speaker: a line without a prefix continues the previous speaker. */
export function speakerLines(transcript: string): { role: Role; text: string; prefixed: boolean }[] {
  let role: Role = 'other';
  return transcript.split('\n').map((line) => {
    const match = /^([^:]{1,40}):(?: |$)(.*)$/u.exec(line);
    if (!match) return { role, text: line, prefixed: false };
    role = match[1] === 'Agent' ? 'agent' : match[1] === 'Customer' ? 'customer' : 'other';
    return { role, text: match[2], prefixed: true };
  });
}

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Agent words / (agent + customer words), by a plain regex word count. */
export function agentWordShare(transcript: string): number {
  let agent = 0;
  let customer = 0;
  for (const { role, text } of speakerLines(transcript)) {
    if (role === 'agent') agent += countWords(text);
    else if (role === 'customer') customer += countWords(text);
  }
  return agent / Math.max(1, agent + customer);
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}
