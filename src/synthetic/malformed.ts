import { generateCalls } from './generator.js';
import { deriveSeed, Rng } from './prng.js';
import type { SyntheticCall } from './types.js';

/** The shape of `CallInput`, loose enough to hold invalid values. */
export interface CallInputLike {
  callId: string;
  agentId: string;
  customerId: string;
  language?: string;
  startTime: string;
  durationSeconds: number;
  transcript: string;
  agentName?: string;
  customerName?: string;
}

export type MalformedCode = 'BAD_USER_INPUT' | 'UNKNOWN_AGENT' | 'UNKNOWN_CUSTOMER';

export interface MalformedCall {
  input: CallInputLike;
  /** The `IngestionError.code` the gateway must report for this item. */
  expectedCode: MalformedCode;
  /** Which rule the item breaks, e.g. "callId-too-long". */
  reason: string;
}

export interface MalformedOptions {
  /**
   * The server's clock: valid start times lie before it and "future" ones more
   * than a day after it. Default: the current time.
   */
  now?: Date;
}

interface Defect {
  reason: string;
  code: MalformedCode;
  apply: (input: CallInputLike, rng: Rng, nowMs: number) => void;
}

const DAY_MS = 86_400_000;
const MAX_TRANSCRIPT_CHARS = 200_000;
const BAD_CALL_IDS = ['CALL 42', 'CALL#42', 'call/42', 'CALL-42!', 'ÇALL-42', 'CALL.42', ''];
const BAD_LANGUAGES = ['en_US', 'e', '12', 'en-', 'english!', 'fr--CA', 'en US', '-de'];
const SHORT_TRANSCRIPTS = ['', 'Agent: hi', 'Hi there.', 'Customer:'];
const BAD_DURATIONS = [0, 20_000, -5, 14_401];
const STREAM_MALFORMED = 20;

function hex(rng: Rng): string {
  return rng.int(0, 0xffffffff).toString(16).padStart(8, '0');
}

/** Repeats the transcript's lines until it passes the limit by up to 5,000 characters. */
function oversize(transcript: string, rng: Rng): string {
  const target = MAX_TRANSCRIPT_CHARS + rng.int(1, 5_000);
  const copies = Math.ceil(target / (transcript.length + 1));
  return Array.from({ length: copies }, () => transcript).join('\n').slice(0, target);
}

/** Each defect breaks exactly one rule; everything else about the item is valid. */
const DEFECTS: readonly Defect[] = [
  { reason: 'callId-pattern', code: 'BAD_USER_INPUT', apply: (input, rng) => (input.callId = rng.pick(BAD_CALL_IDS)) },
  {
    reason: 'callId-too-long',
    code: 'BAD_USER_INPUT',
    apply: (input, rng) => (input.callId = `CALL-${'X'.repeat(rng.int(46, 80))}`),
  },
  { reason: 'duration-range', code: 'BAD_USER_INPUT', apply: (input, rng) => (input.durationSeconds = rng.pick(BAD_DURATIONS)) },
  { reason: 'transcript-too-short', code: 'BAD_USER_INPUT', apply: (input, rng) => (input.transcript = rng.pick(SHORT_TRANSCRIPTS)) },
  { reason: 'transcript-too-long', code: 'BAD_USER_INPUT', apply: (input, rng) => (input.transcript = oversize(input.transcript, rng)) },
  {
    reason: 'startTime-in-future',
    code: 'BAD_USER_INPUT',
    apply: (input, rng, nowMs) => (input.startTime = new Date(nowMs + DAY_MS + rng.int(2, 400 * 24) * 3_600_000).toISOString()),
  },
  { reason: 'language-tag', code: 'BAD_USER_INPUT', apply: (input, rng) => (input.language = rng.pick(BAD_LANGUAGES)) },
  {
    reason: 'unknown-agent',
    code: 'UNKNOWN_AGENT',
    apply: (input, rng) => {
      input.agentId = `AGENT-GHOST-${hex(rng)}`;
      delete input.agentName;
    },
  },
  {
    reason: 'unknown-customer',
    code: 'UNKNOWN_CUSTOMER',
    apply: (input, rng) => {
      input.customerId = `CUST-GHOST-${hex(rng)}`;
      delete input.customerName;
    },
  },
];

/** Every defect this module produces, in the order `malformedCalls` cycles through them. */
export const MALFORMED_REASONS: readonly string[] = DEFECTS.map((defect) => defect.reason);

/**
 * `count` invalid calls, each tagged with the error code the gateway must
 * report. Defects cycle in a fixed order, so any `count` of at least
 * `MALFORMED_REASONS.length` covers every one. Call ids start with "BAD-" and
 * never collide with generated ones. Deterministic for a seed and `now`.
 */
export function malformedCalls(count: number, seed: number, options: MalformedOptions = {}): MalformedCall[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const nowMs = (options.now ?? new Date()).getTime();
  const valid = generateCalls({ calls: count, seed, until: new Date(nowMs - 60_000) });
  const result: MalformedCall[] = [];
  for (let i = 0; i < count; i++) {
    const defect = DEFECTS[i % DEFECTS.length];
    const rng = new Rng(deriveSeed(seed, STREAM_MALFORMED, i));
    const input = toInput(valid.next().value as SyntheticCall, `BAD-${hex(rng)}-${i}`);
    defect.apply(input, rng, nowMs);
    result.push({ input, expectedCode: defect.code, reason: defect.reason });
  }
  return result;
}

function toInput(call: SyntheticCall, callId: string): CallInputLike {
  return { ...call, callId };
}
