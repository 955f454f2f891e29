import { describe, expect, it } from 'vitest';
import { domainSentiment } from '../../../src/insights/domain-sentiment.js';
import { looksEnglish } from '../../../src/insights/language-hint.js';
import { winkInput } from '../../../src/insights/wink-input.js';

describe('domainSentiment', () => {
  it('sums phrase weights and is 0 without phrases', () => {
    expect(domainSentiment('We have forty seats.')).toBe(0);
    expect(domainSentiment('It is too expensive')).toBe(-0.7);
    expect(domainSentiment('Perfect, sounds good')).toBe(1);
    expect(domainSentiment('Sounds good, too expensive')).toBeCloseTo(-0.2, 12);
  });

  it('prefers the longest phrase at a position', () => {
    expect(domainSentiment('way too expensive')).toBe(-0.85);
    expect(domainSentiment('keeps crashing')).toBe(-0.6);
  });

  it('lets a zero-weight phrase block a shorter one inside it', () => {
    expect(domainSentiment('We need single sign-on.')).toBe(0);
    expect(domainSentiment('Ready to sign.')).toBe(0.4);
  });

  it('flips negated phrases to half their weight unless a negated weight is given', () => {
    expect(domainSentiment('not too expensive')).toBe(0.35);
    expect(domainSentiment("I don't think this is worth it")).toBe(-0.6);
    expect(domainSentiment('zero complaints')).toBe(0.5);
    expect(domainSentiment('hardly a problem')).toBe(0.4);
  });

  it('reaches back four words for a negator and no further', () => {
    expect(domainSentiment('not that it is too expensive')).toBe(0.35);
    expect(domainSentiment('not that it really is too expensive')).toBe(-0.7);
  });

  it('stops negation at punctuation, at but and after an earlier phrase', () => {
    expect(domainSentiment('not now, too expensive')).toBe(-0.7);
    expect(domainSentiment('not cheap but works for us')).toBe(0.6);
    expect(domainSentiment('no problem sounds good')).toBe(1);
  });

  it('reads post-verbal nicht and pas as negation', () => {
    expect(domainSentiment('Das passt nicht.')).toBe(-0.5);
    expect(domainSentiment('ça marche pas')).toBe(-0.6);
  });

  it('ignores phrases right after if', () => {
    expect(domainSentiment('if we cancel')).toBe(0);
    expect(domainSentiment('wenn wir kündigen')).toBe(0);
    expect(domainSentiment('if this goes on for a month we cancel')).toBe(-0.5);
  });

  it('matches the typographic apostrophe and any letter case', () => {
    expect(domainSentiment('It DOESN’T WORK')).toBe(-0.7);
  });
});

describe('looksEnglish', () => {
  it('follows a language tag when given', () => {
    expect(looksEnglish('Das ist gut', 'en-US')).toBe(true);
    expect(looksEnglish('This is good', 'de')).toBe(false);
    expect(looksEnglish('This is good', 'eng')).toBe(false);
  });

  it('guesses from function words otherwise, defaulting to English', () => {
    expect(looksEnglish('We are happy with it')).toBe(true);
    expect(looksEnglish('Great!')).toBe(true);
    expect(looksEnglish('Wir sind mit dem Produkt zufrieden')).toBe(false);
    expect(looksEnglish('Nous sommes très contents')).toBe(false);
    expect(looksEnglish('Estamos muy contentos con el servicio')).toBe(false);
  });
});

describe('winkInput', () => {
  it('removes whitespace-free runs of 48 characters or more', () => {
    const run = 'x'.repeat(48);
    expect(winkInput(`good ${run} day`, false)).toBe('good   day');
    expect(winkInput(`good ${'x'.repeat(47)}`, false)).toBe(`good ${'x'.repeat(47)}`);
  });

  it('mutes small-talk words as whole words only', () => {
    expect(winkInput('Okay, well, the wellness support team', true)).toBe(' ,  , the wellness   team');
    expect(winkInput('Okay', false)).toBe('Okay');
  });
});
