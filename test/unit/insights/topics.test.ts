import { describe, expect, it } from 'vitest';
import { detectTopics, mentionsTopic, TOPICS } from '../../../src/insights/topics.js';

const topicsOf = (...texts: string[]) => detectTopics(texts.map((text) => ({ text })));

describe('detectTopics', () => {
  it('lists exactly the contract topics', () => {
    expect([...TOPICS].sort()).toEqual(
      ['churn', 'competitor', 'discount', 'integration', 'legal', 'next_steps', 'onboarding', 'pricing', 'security', 'support'],
    );
  });

  it('finds one topic per typical English phrase', () => {
    const cases: Array<[string, string]> = [
      ['How much is it per seat?', 'pricing'],
      ['Your competitor offers the same thing.', 'competitor'],
      ['Could you do 20% off for a two-year term?', 'discount'],
      ['We want to cancel at the end of the term.', 'churn'],
      ["Let's agree on next steps before we hang up.", 'next_steps'],
      ['How long does onboarding take for 40 reps?', 'onboarding'],
      ['Does it have an API for our data warehouse?', 'integration'],
      ['Are you SOC 2 compliant?', 'security'],
      ['Our lawyers need to redline the MSA.', 'legal'],
      ['How fast does your support team answer a ticket?', 'support'],
    ];
    for (const [text, topic] of cases) {
      expect(topicsOf(text), text).toContain(topic);
    }
  });

  it('returns the topics of all utterances sorted and without duplicates', () => {
    expect(topicsOf('What does it cost?', 'Security review first.', 'The price again?', 'Send the contract.')).toEqual([
      'legal',
      'pricing',
      'security',
    ]);
  });

  it('matches whole words only, with a word ending only where a phrase allows one', () => {
    expect(topicsOf('A rapid capitalist costume party')).toEqual([]);
    expect(topicsOf("Here is today's agenda, Gustav.")).toEqual([]);
    expect(topicsOf('We integrated it last year')).toEqual(['integration']);
    expect(topicsOf('It costs a lot')).toEqual(['pricing']);
  });

  it('matches phrases across spaces and hyphens and any letter case', () => {
    expect(topicsOf('Can we set a FOLLOW-UP?')).toEqual(['next_steps']);
    expect(topicsOf('Single   Sign-On is required')).toEqual(['security']);
    expect(topicsOf('We won’t renew.')).toEqual(['churn']);
  });

  it('does not read the verb support as the support topic', () => {
    expect(topicsOf('Do you support Outlook calendars?')).toEqual([]);
    expect(topicsOf('Your support was slow.')).toEqual(['support']);
  });

  it('finds es, fr and de keywords', () => {
    expect(topicsOf('¿Cuál es el precio? Queremos un descuento.')).toEqual(['discount', 'pricing']);
    expect(topicsOf("C'est trop cher, nous allons résilier le contrat.")).toEqual(['churn', 'legal', 'pricing']);
    expect(topicsOf('Der Preis ist zu hoch, wir brauchen die Schnittstelle und DSGVO.')).toEqual([
      'integration',
      'pricing',
      'security',
    ]);
  });

  it('returns no topics for small talk or no utterances', () => {
    expect(topicsOf('Hi, how was your weekend?')).toEqual([]);
    expect(detectTopics([])).toEqual([]);
  });
});

describe('mentionsTopic', () => {
  it('tests a single topic on one text', () => {
    expect(mentionsTopic('That is too expensive', 'pricing')).toBe(true);
    expect(mentionsTopic('That is too expensive', 'competitor')).toBe(false);
  });
});
