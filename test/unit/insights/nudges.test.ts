import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/insights/analyze.js';
import type { CallMetrics, ScoredUtterance } from '../../../src/insights/metrics.js';
import { signed } from '../../../src/insights/nudge-rules.js';
import { coachingNudges } from '../../../src/insights/nudges.js';
import type { Speaker } from '../../../src/insights/transcript.js';
import { countWords } from '../../../src/insights/words.js';

const HEALTHY: CallMetrics = {
  agentTalkRatio: 0.45,
  customerSentimentScore: 0.1,
  agentWordCount: 450,
  customerWordCount: 550,
  speakerSwitches: 20,
  longestAgentMonologueWords: 60,
  longestCustomerStoryWords: 90,
  agentQuestionCount: 8,
  agentSentimentScore: 0.2,
  customerSentimentTrend: 0,
  topics: ['next_steps'],
};

function utterances(...turns: Array<[Speaker, string]>): ScoredUtterance[] {
  return turns.map(([speaker, text], index) => ({ index, speaker, text, sentiment: 0 }));
}

const WITH_NEXT_STEPS = utterances(['AGENT', 'Hello'], ['CUSTOMER', 'Hi'], ['AGENT', 'Next steps: a demo on Friday.'], ['CUSTOMER', 'Fine']);

const nudgesFor = (overrides: Partial<CallMetrics>, turns = WITH_NEXT_STEPS) =>
  coachingNudges({ ...HEALTHY, ...overrides }, turns);
const categories = (nudges: Array<{ category: string }>) => nudges.map((nudge) => nudge.category);

describe('coachingNudges', () => {
  it('gives positive feedback ranked by coaching value on a healthy call', () => {
    expect(nudgesFor({})).toEqual([
      {
        category: 'talk_ratio',
        text: 'You did 45% of the talking, inside the 25% to 55% band around the 43% top reps aim for; keep that balance.',
      },
      {
        category: 'questions',
        text: 'You asked 8 questions; keep using open questions to uncover goals, blockers and decision makers.',
      },
      {
        category: 'next_steps',
        text: 'Next steps came up in 1 of 4 utterances; confirm them by email with dates and owners right after the call.',
      },
    ]);
  });

  it('breaks equal severities by category name', () => {
    // Two issues of severity 0.5: no next steps in a 4-turn call, and 1 question (0.3 + 2 * 0.1).
    const turns = utterances(['AGENT', 'Hi'], ['CUSTOMER', 'Hello'], ['AGENT', 'Bye'], ['CUSTOMER', 'Bye']);
    expect(categories(nudgesFor({ agentQuestionCount: 1 }, turns))).toEqual(['next_steps', 'questions', 'talk_ratio']);
  });

  it('flags a high talk ratio first with the measured percentage', () => {
    const [first] = nudgesFor({ agentTalkRatio: 0.712 });
    expect(first).toEqual({
      category: 'talk_ratio',
      text: 'You did 71% of the talking; top reps stay near 43%. Ask an open question and let the customer talk.',
    });
  });

  it('praises a talk ratio inside the healthy band', () => {
    expect(nudgesFor({ agentTalkRatio: 0.3 })[0].text).toBe(
      'You did 30% of the talking, inside the 25% to 55% band around the 43% top reps aim for; keep that balance.',
    );
  });

  it('flags a low talk ratio', () => {
    const nudges = nudgesFor({ agentTalkRatio: 0.1 });
    expect(nudges[0].category).toBe('talk_ratio');
    expect(nudges[0].text).toMatch(/^You did only 10% of the talking/);
  });

  it('flags a long monologue with its word count', () => {
    const nudges = nudgesFor({ longestAgentMonologueWords: 240 });
    expect(nudges[0]).toEqual({
      category: 'monologue',
      text: 'Your longest monologue ran 240 words; top reps hand the turn back within about 120. Pause and check in with the customer.',
    });
  });

  it('flags few questions with the agent turn count', () => {
    const nudges = nudgesFor({ agentQuestionCount: 1 });
    expect(nudges[0]).toEqual({
      category: 'questions',
      text: 'You asked 1 question in 2 turns; ask open questions about goals, blockers and timing to uncover what the customer needs.',
    });
  });

  it('flags falling customer sentiment before a negative average', () => {
    const nudges = nudgesFor({ customerSentimentTrend: -0.456, customerSentimentScore: -0.3 });
    expect(nudges[0].category).toBe('sentiment');
    expect(nudges[0].text).toMatch(/^Customer sentiment fell by 0\.46 from the first to the last third/);
    expect(nudgesFor({ customerSentimentScore: -0.3 })[0].text).toMatch(/^Customer sentiment averaged -0\.30;/);
  });

  it('praises rising customer sentiment with a signed figure', () => {
    const nudge = nudgesFor({ customerSentimentTrend: 0.321 }).find((n) => n.category === 'sentiment');
    expect(nudge?.text).toMatch(/^Customer sentiment rose by \+0\.32 from the first to the last third/);
  });

  it('flags pricing and competitor objections the agent did not answer with value', () => {
    const turns = utterances(
      ['CUSTOMER', 'That is too expensive.'],
      ['AGENT', 'Customers save 20 hours a month, so the ROI is clear.'],
      ['CUSTOMER', 'Your competitor is cheaper.'],
      ['OTHER', 'Sorry to interrupt.'],
      ['AGENT', 'Let me check and get back to you. Next step is a call on Friday.'],
      ['CUSTOMER', 'And the price per seat?'],
    );
    const objection = nudgesFor({}, turns).find((nudge) => nudge.category === 'objection');
    expect(objection?.text).toBe(
      'The customer brought up pricing or competitors 3 times and 2 went unanswered; reply with value, ROI or a clear comparison before moving on.',
    );
  });

  it('acknowledges objections that were all answered and stays silent when there were none', () => {
    const answered = utterances(['CUSTOMER', 'Way too expensive.'], ['AGENT', 'Compared to hiring, it pays for itself.']);
    const nudges = nudgesFor({}, answered);
    expect(nudges.find((nudge) => nudge.category === 'objection')?.text).toBe(
      'You answered 1 of 1 pricing objections with value or ROI; keep tying the price to outcomes.',
    );
    expect(categories(nudgesFor({}))).not.toContain('objection');
  });

  it('flags a call without next steps', () => {
    const turns = utterances(['AGENT', 'Hi'], ['CUSTOMER', 'Hello'], ['AGENT', 'Bye'], ['CUSTOMER', 'Bye']);
    const nudge = nudgesFor({}, turns)[0];
    expect(nudge).toEqual({
      category: 'next_steps',
      text: 'No next steps came up in 4 utterances; close by agreeing on a date, an owner and an agenda for the follow-up.',
    });
  });

  it('keeps the three most severe issues when many fire', () => {
    const nudges = nudgesFor({
      agentTalkRatio: 0.9,
      longestAgentMonologueWords: 400,
      agentQuestionCount: 0,
      customerSentimentTrend: -0.8,
    });
    // Severities: sentiment 0.9, talk ratio 0.85, monologue 0.8, questions 0.6.
    expect(categories(nudges)).toEqual(['sentiment', 'talk_ratio', 'monologue']);
  });

  it('formats signed figures without a negative zero', () => {
    expect([signed(0.321), signed(-0.004), signed(0), signed(-0.5)]).toEqual(['+0.32', '0.00', '0.00', '-0.50']);
  });
});

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHRASES = [
  'That is way too expensive.', 'Your competitor is cheaper.', 'What are the next steps?', 'Sounds good!',
  'We love the dashboards.', 'I am frustrated with the sync.', 'Can we schedule a follow-up?', 'The ROI is clear.',
  'How many reps do you have?', 'Let me explain how our platform works in detail', 'No complaints.', '😊', '',
  'Es demasiado caro.', "C'est parfait.", 'Das ist zu teuer.', '価格はいくらですか？', 'We will cancel.',
];
const PREFIXES = ['Agent:', 'Customer:', 'agent:', 'CUSTOMER:', 'Maria:', ''];

function generatedTranscript(next: () => number): string {
  const lines: string[] = [];
  const turns = Math.floor(next() * 40);
  for (let t = 0; t < turns; t += 1) {
    const prefix = PREFIXES[Math.floor(next() * PREFIXES.length)];
    const sentences = Array.from({ length: 1 + Math.floor(next() * (next() < 0.1 ? 40 : 4)) }, () =>
      PHRASES[Math.floor(next() * PHRASES.length)],
    );
    lines.push(`${prefix} ${sentences.join(' ')}`);
  }
  return lines.join(next() < 0.5 ? '\n' : '\r\n');
}

describe('coachingNudges on generated calls', () => {
  it('always gives exactly three grounded nudges of at most 40 words in distinct categories', () => {
    const next = random(42);
    for (let i = 0; i < 300; i += 1) {
      const transcript = generatedTranscript(next);
      const { nudges } = analyzeTranscript(transcript);
      expect(nudges, transcript).toHaveLength(3);
      expect(new Set(categories(nudges)).size, transcript).toBe(3);
      for (const nudge of nudges) {
        expect(countWords(nudge.text), nudge.text).toBeLessThanOrEqual(40);
        expect(nudge.text, nudge.text).toMatch(/\d/);
      }
      expect(analyzeTranscript(transcript).nudges).toEqual(nudges);
    }
  });

  it('stays within 40 words at extreme figures', () => {
    const extreme = nudgesFor({
      agentTalkRatio: 1,
      longestAgentMonologueWords: 123_456_789,
      agentQuestionCount: 0,
      customerSentimentTrend: -2,
      customerSentimentScore: -1,
    });
    for (const nudge of extreme) expect(countWords(nudge.text)).toBeLessThanOrEqual(40);
  });
});
