import { sql } from 'drizzle-orm';
import type { StoredInsights, StoredNudge, StoredUtterance } from '../db/schema/index.js';
import { isoTimestamp } from '../db/sql.js';
import type { AgentRecord, CustomerRecord } from '../parties/party.repository.js';

/**
 * The one projection of a call with its agent and customer, shared by every
 * statement that returns calls (lists, search, similar calls). `c`, `a` and
 * `cu` are calls, agents and customers.
 */

/**
 * A call without its heavy text (transcript, utterances) and without its
 * vectors. Lists leave out the insights and nudges too (jsonb, parsed for
 * every row, while most list queries do not select them): `Call.insights` and
 * `Call.coachingNudges` load them in one batch when they are absent.
 */
export interface CallRecord {
  id: string;
  callId: string;
  agentId: string;
  customerId: string;
  language: string;
  startTime: Date;
  durationSeconds: number;
  agentTalkRatio: number;
  customerSentimentScore: number;
  /** Joined with the call by every statement that returns calls. */
  agent: AgentRecord;
  customer: CustomerRecord;
  insights?: StoredInsights;
  coachingNudges?: StoredNudge[];
  /** Present when the statement that read the call selected them (a single call's details). */
  transcript?: string;
  utterances?: StoredUtterance[];
  createdAt: Date;
  updatedAt: Date;
}

/** A call with the agent and customer it was joined with, and its sort key for cursors. */
export interface CallWithPeople {
  call: CallRecord;
  agent: AgentRecord;
  customer: CustomerRecord;
  sortKey: string | number;
}

export const CALL_WITH_PEOPLE_COLUMNS = sql`
  c.id::text as id, c.call_id, c.agent_id, c.customer_id, c.language,
  ${isoTimestamp('c.start_time')} as start_time, c.duration_seconds,
  c.agent_talk_ratio, c.customer_sentiment_score,
  ${isoTimestamp('c.created_at')} as created_at, ${isoTimestamp('c.updated_at')} as updated_at,
  a.id::text as a_id, a.name as a_name, a.email as a_email,
  cu.id::text as cu_id, cu.name as cu_name, cu.email as cu_email`;

/** The insights and nudges, for statements that return one call's details (`call(callId)`). */
export const CALL_ANALYSIS_COLUMNS = sql.raw('c.insights, c.coaching_nudges');

/** What an inner (page-cutting) query carries out: no transcript, utterances, vectors or analysis. */
export const CALL_INNER_COLUMNS = sql.raw(
  'c.id, c.call_id, c.agent_id, c.customer_id, c.language, c.start_time, c.duration_seconds, c.agent_talk_ratio, c.customer_sentiment_score, c.created_at, c.updated_at',
);

export const PEOPLE_JOIN = sql`join agents a on a.agent_id = c.agent_id join customers cu on cu.customer_id = c.customer_id`;

export interface CallWithPeopleRow {
  id: string;
  call_id: string;
  agent_id: string;
  customer_id: string;
  language: string;
  start_time: string;
  duration_seconds: number;
  agent_talk_ratio: number;
  customer_sentiment_score: number;
  insights?: StoredInsights;
  coaching_nudges?: StoredNudge[];
  transcript?: string;
  utterances?: StoredUtterance[];
  created_at: string;
  updated_at: string;
  a_id: string;
  a_name: string;
  a_email: string | null;
  cu_id: string;
  cu_name: string;
  cu_email: string | null;
  sort_key?: string | number;
  parent_id?: string;
}

export function toCallWithPeople(row: CallWithPeopleRow): CallWithPeople {
  const agent: AgentRecord = { id: row.a_id, agentId: row.agent_id, name: row.a_name, email: row.a_email };
  const customer: CustomerRecord = { id: row.cu_id, customerId: row.customer_id, name: row.cu_name, email: row.cu_email };
  return {
    call: {
      id: row.id,
      callId: row.call_id,
      agentId: row.agent_id,
      customerId: row.customer_id,
      language: row.language,
      startTime: new Date(row.start_time),
      durationSeconds: row.duration_seconds,
      agentTalkRatio: row.agent_talk_ratio,
      customerSentimentScore: row.customer_sentiment_score,
      agent,
      customer,
      insights: row.insights,
      coachingNudges: row.coaching_nudges,
      transcript: row.transcript,
      utterances: row.utterances,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
    },
    agent,
    customer,
    sortKey: row.sort_key ?? row.call_id,
  };
}
