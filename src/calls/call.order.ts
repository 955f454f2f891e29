import { type CursorValue, cursorValues } from '../common/cursor.js';

/**
 * The orders of every call list, as plain data: what each sorts by and in
 * which direction. call.input.ts registers the enum with GraphQL; the
 * repository turns a sort key into SQL. Every order ends in callId (same
 * direction), so keyset cursors are unique.
 */
export enum CallOrder {
  START_TIME_DESC = 'START_TIME_DESC',
  START_TIME_ASC = 'START_TIME_ASC',
  SENTIMENT_ASC = 'SENTIMENT_ASC',
  SENTIMENT_DESC = 'SENTIMENT_DESC',
  DURATION_DESC = 'DURATION_DESC',
  DURATION_ASC = 'DURATION_ASC',
}

export type CallSortKey = 'start_time' | 'sentiment' | 'duration';

export interface CallOrderSpec {
  key: CallSortKey;
  descending: boolean;
}

/** What a cursor's sort value must be for each key (what the repository casts it to). */
export const CURSOR_VALUE_OF: Readonly<Record<CallSortKey, (value: CursorValue) => boolean>> = {
  start_time: cursorValues.timestamp,
  sentiment: cursorValues.float8,
  duration: cursorValues.int4,
};

export const CALL_ORDERS: Readonly<Record<CallOrder, CallOrderSpec>> = {
  [CallOrder.START_TIME_DESC]: { key: 'start_time', descending: true },
  [CallOrder.START_TIME_ASC]: { key: 'start_time', descending: false },
  [CallOrder.SENTIMENT_ASC]: { key: 'sentiment', descending: false },
  [CallOrder.SENTIMENT_DESC]: { key: 'sentiment', descending: true },
  [CallOrder.DURATION_DESC]: { key: 'duration', descending: true },
  [CallOrder.DURATION_ASC]: { key: 'duration', descending: false },
};
