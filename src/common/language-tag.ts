/** Language tags like en, es, pt-BR, zh-Hant-TW: a 2-3 letter language, then 2-8 character subtags. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const MAX_LANGUAGE_TAG_CHARS = 35;

/**
 * `en`, `PT-br` -> `pt-BR`: BCP 47's conventional case, so one language is
 * one value wherever it is stored or compared; null when the text is not a tag.
 */
export function canonicalLanguageTag(text: string): string | null {
  if (text.length > MAX_LANGUAGE_TAG_CHARS || !LANGUAGE_TAG.test(text)) return null;
  return text
    .split('-')
    .map((part, i) => {
      if (i === 0) return part.toLowerCase();
      if (part.length === 2) return part.toUpperCase();
      if (part.length === 4) return part[0].toUpperCase() + part.slice(1).toLowerCase();
      return part.toLowerCase();
    })
    .join('-');
}
