import { createHash } from 'node:crypto';
import { type CallFilterInput, normalizeCallFilter } from '../calls/call.filter.js';
import type { CallRecord } from '../calls/call.projection.js';
import { primePeople } from '../calls/call.service.js';
import { buildConnection, type ConnectionResult } from '../common/connection.js';
import { type CursorValue, decodeCursor, encodeCursor } from '../common/cursor.js';
import { pageRequest } from '../common/paging.js';
import { charCount, unstorableTextProblem } from '../common/text.js';
import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { countSearchMatches, findSearchPage, hasLexemes } from './search.repository.js';

/** The contract's bounds on `searchCalls(first)`. */
export const SEARCH_DEFAULT_FIRST = 20;
export const SEARCH_MAX_FIRST = 100;

export interface CallSearchEdgeResult {
  cursor: string;
  node: CallRecord;
  rank: number;
  /** Null when the client did not select `headline` (it is never computed then). */
  headline: string | null;
}

export type CallSearchResult = ConnectionResult<CallSearchEdgeResult>;

const FLOAT_TEXT = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const FLOAT4_MAX = 3.4028235e38;
const FLOAT4_MIN_NORMAL = 1.1754944e-38;

/** A rank as the cursor carries it: float4 text that `::float4` reads back (1e400 overflows it, 1e-50 underflows it). */
function isRankText(value: CursorValue): boolean {
  if (typeof value !== 'string' || !FLOAT_TEXT.test(value)) return false;
  const n = Math.abs(Number(value));
  return n === 0 || (n >= FLOAT4_MIN_NORMAL && n <= FLOAT4_MAX);
}

/** The query text, or BAD_USER_INPUT naming `query`: anything but NUL is just search text for websearch_to_tsquery. */
function validateQuery(text: string, maxChars: number): string {
  const problem = unstorableTextProblem(text);
  if (problem) throw badInput('query', `query ${problem}`);
  if (/^\s*$/u.test(text)) throw badInput('query', 'query must contain at least one word to search for');
  const length = charCount(text);
  if (length > maxChars) throw badInput('query', `query may hold at most ${maxChars} characters; got ${length}`);
  return text;
}

/** Cursors name the query they page through: one from another query is rejected, not silently misapplied. */
function cursorKind(text: string): string {
  return `SEARCH:${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

/**
 * Query.searchCalls: full-text matches, best rank first, ties by callId desc.
 * One statement for the page (with agents and customers, and headlines when
 * selected), one more for totalCount if selected. A query whose words are all
 * stop words ("the and") matches nothing by construction; it is reported as
 * BAD_USER_INPUT rather than as an empty result that looks like "no calls",
 * at the cost of one more statement only when a page comes back empty.
 */
/** The arguments of Query.searchCalls (SearchCallsArgs, without type-graphql). */
export interface SearchArgs {
  query: string;
  filter?: CallFilterInput | null;
  first?: number | null;
  after?: string | null;
}

export async function searchCalls(ctx: Context, args: SearchArgs, options: { headline: boolean }): Promise<CallSearchResult> {
  const text = validateQuery(args.query, ctx.config.SEARCH_QUERY_MAX_CHARS);
  const page = pageRequest({ first: args.first, after: args.after }, { maxFirst: SEARCH_MAX_FIRST, maxOffset: 0 }, SEARCH_DEFAULT_FIRST);
  const kind = cursorKind(text);
  let after: { rank: string; callId: string } | null = null;
  if (page.after !== null) {
    const cursor = decodeCursor(page.after, kind, isRankText);
    after = { rank: String(cursor.value), callId: cursor.id };
  }
  const filter = normalizeCallFilter(args.filter);
  const rows = await findSearchPage(ctx.db, { text, filter, limit: page.first + 1, after, headline: options.headline });
  if (rows.length === 0 && !(await hasLexemes(ctx.db, text))) {
    throw badInput('query', `query ${JSON.stringify(text.slice(0, 80))} has no searchable words: stop words such as "the" and punctuation are ignored`);
  }
  primePeople(ctx, rows);
  const edges = rows.slice(0, page.first).map((row) => ({
    cursor: encodeCursor({ kind, value: row.rankText, id: row.call.callId }),
    node: row.call,
    rank: Number(row.rankText),
    headline: row.headline,
  }));
  return buildConnection(edges, { hasNextPage: rows.length > page.first, hasPreviousPage: after !== null }, () => countSearchMatches(ctx.db, text, filter));
}
