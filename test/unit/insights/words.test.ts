import { describe, expect, it } from 'vitest';
import { countWords, words } from '../../../src/insights/words.js';

describe('words', () => {
  it('splits on anything that is not a letter, digit or apostrophe', () => {
    expect(words("It's 20% off, isn't it?")).toEqual(["It's", '20', 'off', "isn't", 'it']);
  });

  it('counts accented, CJK and digit runs as words and ignores emoji and punctuation', () => {
    expect(words('Café crème 😊 — 東京 2026!')).toEqual(['Café', 'crème', '東京', '2026']);
    expect(countWords('Café crème 😊 — 東京 2026!')).toBe(4);
  });

  it('splits on hyphens, dots and the typographic apostrophe', () => {
    expect(words('sign-on 3.5 don’t')).toEqual(['sign', 'on', '3', '5', 'don', 't']);
  });

  it('counts zero words in empty or symbol-only text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' ...?! 👍 ')).toBe(0);
    expect(words('--')).toEqual([]);
  });

  it('gives the same count on repeated calls', () => {
    const text = 'one two three';
    expect([countWords(text), countWords(text), words(text).length]).toEqual([3, 3, 3]);
  });
});
