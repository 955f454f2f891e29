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
