import type { Database } from '../db/client.js';
import { deleteTrackedTerms, findFrequentLexemes, findTrackedTerms, type TrackedTerm, trackTerms } from './search-terms.repository.js';

/**
 * Ranked search on a word found in a large share of calls ("pricing": 22%)
 * is slow when done exactly: PostgreSQL must compute ts_rank for every match
 * (44,000 tsvectors at 200k calls, ~0.8 s) before it knows the best 20. The
 * GIN index finds matches, not the best ones.
 *
 * What makes an exact shortcut possible: for a query of one word, ts_rank
 * (normalization 0, as searchCalls uses) is calc_rank_or over that word's
 * positions in the call, Σ w/(i+1)² over them; search_vector is to_tsvector,
 * so every position has the same weight (D) and the rank is a strictly
 * increasing function of the number of positions, n (at most 256 per word).
 * So for each frequent word we keep, in `search_term_calls`, exactly the calls
 * holding it at `min_positions` or more positions (the threshold that lists
 * at least `rowsPerTerm` calls), with their rank, in an index ordered (rank
 * desc, call_id desc): the search order. That ts_rank property is tested on
 * the PostgreSQL in use (test/integration/search-terms.test.ts).
 *
 * A search whose query is that one word reads its page from there, joined to
 * calls for the filter and the cursor. When that yields a full page (the
 * page size + 1 rows), the page is exact: every call not listed has fewer
 * positions, hence a lower rank, than every listed one. Otherwise (a filter
 * or a cursor that leaves too few listed calls) the same statement falls back
 * to exact ranking. Multi-word queries, prefixes and phrases always rank
 * exactly. Answers never change; only their speed does. Tested against the
 * exact statement in test/integration/search-terms.test.ts.
 *
 * The list is kept by a trigger on calls (0005_search_terms.sql) on every
 * insert and transcript update, in the writing transaction; new frequent
 * words are picked up by `refreshSearchTerms`, run after bulk loads
 * (`npm run search:terms`, `npm run bench`). Until then they rank exactly.
 */
export interface SearchTermsOptions {
  /** Track words found in at least this share of calls (0-1). */
  minShare: number;
  /** List at least this many calls per word (the best ranked, ties included). */
  rowsPerTerm: number;
  /** Track at most this many words, the most frequent. */
  maxTerms: number;
}

export const SEARCH_TERMS_DEFAULTS: SearchTermsOptions = { minShare: 0.05, rowsPerTerm: 1000, maxTerms: 1000 };

export interface SearchTermsRefresh {
  tracked: TrackedTerm[];
  added: string[];
  removed: string[];
}

/**
 * Tracks the words now frequent, stops tracking the ones no longer so, and
 * re-lists a word whose list grew past 4× `rowsPerTerm` (calls added since
 * kept it exact, but pages read further into it). New words are listed
 * together, in one transaction (see trackTerms).
 */
export async function refreshSearchTerms(db: Database, options: SearchTermsOptions = SEARCH_TERMS_DEFAULTS): Promise<SearchTermsRefresh> {
  const frequent = await findFrequentLexemes(db, options.minShare, options.maxTerms);
  const wanted = new Set(frequent.map((f) => f.lexeme));
  const current = await findTrackedTerms(db);
  const tracked = new Set(current.map((t) => t.lexeme));
  const stale = new Set(current.filter((t) => !wanted.has(t.lexeme) || t.calls > 4 * options.rowsPerTerm).map((t) => t.lexeme));
  await deleteTrackedTerms(db, [...stale]);
  const toAdd = frequent.map((f) => f.lexeme).filter((lexeme) => !tracked.has(lexeme) || stale.has(lexeme));
  await trackTerms(db, toAdd, options.rowsPerTerm);
  return {
    tracked: await findTrackedTerms(db),
    added: toAdd.filter((lexeme) => !tracked.has(lexeme)),
    removed: [...stale].filter((lexeme) => !wanted.has(lexeme)),
  };
}
