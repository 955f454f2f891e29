import {
  CONTRASTS,
  DOMAIN_TERMS,
  HYPOTHETICALS,
  NEGATORS,
  POST_NEGATORS,
  type DomainTerm,
} from './sentiment-lexicon.js';
import { words } from './words.js';

interface CompiledTerm {
  tokens: string[];
  weight: number;
  negated: number;
}

/** How many words back a negator still reaches: "don't think this is worth". */
const NEGATION_WINDOW = 4;
const HYPOTHETICAL_WINDOW = 3;
/** Punctuation ends a clause, and negation never crosses a clause. */
const CLAUSE_BREAK = /[,;:.!?¿¡()"“”«»…—–]+/u;

function compile(terms: readonly DomainTerm[]): Map<string, CompiledTerm[]> {
  const byFirstWord = new Map<string, CompiledTerm[]>();
  for (const term of terms) {
    const tokens = words(term.phrase);
    const compiled = { tokens, weight: term.weight, negated: term.negated ?? -term.weight / 2 };
    const bucket = byFirstWord.get(tokens[0]) ?? [];
    bucket.push(compiled);
    byFirstWord.set(tokens[0], bucket);
  }
  // Longest first, so "way too expensive" wins over "too expensive".
  for (const bucket of byFirstWord.values()) bucket.sort((a, b) => b.tokens.length - a.tokens.length);
  return byFirstWord;
}

const TERMS_BY_FIRST_WORD = compile(DOMAIN_TERMS);

function isNegator(token: string): boolean {
  return NEGATORS.has(token) || token.endsWith("n't") || token.startsWith("n'");
}

function matchAt(tokens: readonly string[], start: number): CompiledTerm | undefined {
  const candidates = TERMS_BY_FIRST_WORD.get(tokens[start]);
  return candidates?.find((term) => term.tokens.every((token, k) => tokens[start + k] === token));
}

/** Whether one of the `window` tokens before `start`, but not before `floor`, passes; "but" ends the search. */
function seenBefore(
  tokens: readonly string[],
  start: number,
  floor: number,
  window: number,
  test: (token: string) => boolean,
): boolean {
  for (let i = start - 1; i >= Math.max(floor, start - window); i -= 1) {
    if (CONTRASTS.has(tokens[i])) return false;
    if (test(tokens[i])) return true;
  }
  return false;
}

function scoreClause(tokens: readonly string[]): number {
  let total = 0;
  // Words already inside a matched phrase ("no problem") negate nothing after it.
  let floor = 0;
  for (let i = 0; i < tokens.length; ) {
    const term = matchAt(tokens, i);
    if (term === undefined) {
      i += 1;
      continue;
    }
    const end = i + term.tokens.length;
    if (!seenBefore(tokens, i, floor, HYPOTHETICAL_WINDOW, (t) => HYPOTHETICALS.has(t))) {
      const negated = seenBefore(tokens, i, floor, NEGATION_WINDOW, isNegator) || POST_NEGATORS.has(tokens[end]);
      total += negated ? term.negated : term.weight;
    }
    floor = end;
    i = end;
  }
  return total;
}

/**
 * The sales-lexicon sentiment of `text`: the sum of its phrases' weights,
 * negation applied, clamped to [-1, 1]. 0 when no phrase occurs.
 */
export function domainSentiment(text: string): number {
  let total = 0;
  for (const clause of text.toLowerCase().replace(/’/g, "'").split(CLAUSE_BREAK)) {
    const tokens = words(clause);
    if (tokens.length > 0) total += scoreClause(tokens);
  }
  return Math.max(-1, Math.min(1, total));
}
