/**
 * Characters as PostgreSQL counts them (code points), not UTF-16 units, so
 * limits here and in varchar(n) agree for text with emoji.
 */
export function charCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** PostgreSQL text cannot hold NUL. */
export const containsNul = (text: string): boolean => text.includes('\u0000');

// An unpaired surrogate: a high one not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why PostgreSQL could not store this text as it is, or null when it can:
 * NUL is refused by text columns, and a lone UTF-16 surrogate (`"\ud800"` in
 * a JSON body) is refused by jsonb and silently replaced in text columns.
 */
export function unstorableTextProblem(text: string): string | null {
  if (containsNul(text)) return 'must not contain NUL characters (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain unpaired UTF-16 surrogates (invalid Unicode)';
  return null;
}
