/**
 * The contract's word: a maximal run of Unicode letters, digits and
 * apostrophes. Only the ASCII apostrophe counts, so "don’t" (U+2019) is two
 * words; keeping the exact rule means every word count in the API agrees.
 */
const WORD = /[\p{L}\p{N}']+/gu;

/** The words of `text`, in order, as written. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** How many words `text` has under the contract's rule. */
export function countWords(text: string): number {
  let count = 0;
  // A fresh regex per call keeps lastIndex state out of shared module scope.
  const pattern = new RegExp(WORD.source, WORD.flags);
  while (pattern.exec(text) !== null) count += 1;
  return count;
}
