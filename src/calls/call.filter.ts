import { canonicalLanguageTag } from '../common/language-tag.js';
import { unstorableTextProblem } from '../common/text.js';
import { checkInstant } from '../common/time-range.js';
import { badInput } from '../errors.js';

/** Upper bound on `agentIds`, so one filter cannot become a giant statement. */
export const MAX_FILTER_IDS = 1_000;

/** The fields of CallFilter as plain values (the type-graphql class, or any object of this shape). */
export interface CallFilterInput {
  agentId?: string | null;
  agentIds?: readonly string[] | null;
  customerId?: string | null;
  language?: string | null;
  from?: Date | null;
  to?: Date | null;
  minSentiment?: number | null;
  maxSentiment?: number | null;
  minDurationSeconds?: number | null;
  maxDurationSeconds?: number | null;
  minTalkRatio?: number | null;
  maxTalkRatio?: number | null;
}

/**
 * A validated filter: what the repository turns into one predicate (AND of
 * its fields). Absent fields filter nothing; an empty id list matches
 * nothing, per the contract.
 */
export type NormalizedCallFilter = Readonly<CallFilterInput>;

/** A text value PostgreSQL can compare, or BAD_USER_INPUT naming the argument (NUL, lone surrogates). */
function storableText(argument: string, value: string | null | undefined): string | null | undefined {
  const problem = value == null ? null : unstorableTextProblem(value);
  if (problem) throw badInput(argument, `${argument} ${problem}`);
  return value;
}

/**
 * Checks a CallFilter once, at the service; `argument` prefixes the names in
 * errors. Languages compare in their canonical case (`PT-br` finds `pt-BR`,
 * as ingestion stores it).
 */
export function normalizeCallFilter(filter: CallFilterInput | null | undefined, argument = 'filter'): NormalizedCallFilter | null {
  if (!filter) return null;
  if (filter.agentIds != null && filter.agentIds.length > MAX_FILTER_IDS) {
    throw badInput(`${argument}.agentIds`, `${argument}.agentIds may hold at most ${MAX_FILTER_IDS} ids; got ${filter.agentIds.length}`);
  }
  storableText(`${argument}.agentId`, filter.agentId);
  storableText(`${argument}.customerId`, filter.customerId);
  for (const id of filter.agentIds ?? []) storableText(`${argument}.agentIds`, id);
  let language = filter.language;
  if (language != null) {
    language = canonicalLanguageTag(storableText(`${argument}.language`, language)!);
    if (language === null) throw badInput(`${argument}.language`, `${argument}.language must be a language tag such as en, es or pt-BR; got ${JSON.stringify(filter.language)}`);
  }
  for (const [min, max] of [
    ['minSentiment', 'maxSentiment'],
    ['minDurationSeconds', 'maxDurationSeconds'],
    ['minTalkRatio', 'maxTalkRatio'],
  ] as const) {
    for (const bound of [filter[min], filter[max]]) {
      if (bound != null && !Number.isFinite(bound)) throw badInput(`${argument}.${min}`, `${argument}.${min} must be a finite number`);
    }
  }
  const from = checkInstant(`${argument}.from`, filter.from);
  const to = checkInstant(`${argument}.to`, filter.to);
  return { ...filter, language, from, to };
}
