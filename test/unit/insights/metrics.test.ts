import { describe, expect, it } from 'vitest';
import { computeCallInsights, countQuestions, type ScoredUtterance } from '../../../src/insights/metrics.js';
import type { Speaker } from '../../../src/insights/transcript.js';

function call(...turns: Array<[Speaker, string, number?]>): ScoredUtterance[] {
  return turns.map(([speaker, text, sentiment = 0], index) => ({ index, speaker, text, sentiment }));
}

describe('countQuestions', () => {
  it('counts sentences ending in a question mark, once per run of marks', () => {
    expect(countQuestions('How many seats? And when?')).toBe(2);
    expect(countQuestions('Really?? Why?! Ok?!?')).toBe(3);
    expect(countQuestions('Is that right？')).toBe(1);
  });

  it('does not count an opening ¿ or statements', () => {
    expect(countQuestions('¿Cuántos usuarios?')).toBe(1);
    expect(countQuestions('¿Cuántos usuarios.')).toBe(0);
    expect(countQuestions('Tell me about your team.')).toBe(0);
  });
});

describe('computeCallInsights', () => {
  it('pins every figure on a hand-written call', () => {
    const metrics = computeCallInsights(
      call(
        ['AGENT', 'Hi there. How is the pilot going? Any blockers?', 0.2], // 9 words, 2 questions
        ['CUSTOMER', 'It works but the price is too high.', -0.4], // 8 words
        ['OTHER', 'Sorry I am late.', 0], // 4 words
        ['AGENT', 'Understood. What budget did you plan for?', 0.1], // 7 words, 1 question
        ['CUSTOMER', 'About ten thousand.', 0], // 3 words
        ['CUSTOMER', 'Sounds great, please send the contract.', 0.8], // 6 words
      ),
    );
    expect(metrics).toEqual({
      agentTalkRatio: 16 / 37,
      customerSentimentScore: (8 * -0.4 + 3 * 0 + 6 * 0.8) / 17,
      agentWordCount: 16,
      customerWordCount: 17,
      speakerSwitches: 4,
      longestAgentMonologueWords: 9,
      longestCustomerStoryWords: 8,
      agentQuestionCount: 3,
      agentSentimentScore: (9 * 0.2 + 7 * 0.1) / 16,
      // First third: positions 0-1, last third: positions 4-5.
      customerSentimentTrend: (3 * 0 + 6 * 0.8) / 9 - -0.4,
      topics: ['legal', 'pricing'],
    });
  });

  it('counts OTHER words in the talk ratio and OTHER turns in speaker switches', () => {
    const metrics = computeCallInsights(call(['AGENT', 'one two'], ['OTHER', 'three four five six'], ['AGENT', 'seven eight']));
    expect(metrics.agentTalkRatio).toBe(0.5);
    expect(metrics.speakerSwitches).toBe(2);
    expect(metrics.customerWordCount).toBe(0);
    expect(metrics.customerSentimentScore).toBe(0);
  });

  it('gives zeros and no topics for a call without utterances', () => {
    expect(computeCallInsights([])).toEqual({
      agentTalkRatio: 0,
      customerSentimentScore: 0,
      agentWordCount: 0,
      customerWordCount: 0,
      speakerSwitches: 0,
      longestAgentMonologueWords: 0,
      longestCustomerStoryWords: 0,
      agentQuestionCount: 0,
      agentSentimentScore: 0,
      customerSentimentTrend: 0,
      topics: [],
    });
  });

  it('gives a zero talk ratio and zero sentiments when no utterance has words', () => {
    const metrics = computeCallInsights(call(['AGENT', '👍 ...', 0.6], ['CUSTOMER', '😊', 0.6], ['AGENT', '?', 0]));
    expect(metrics.agentTalkRatio).toBe(0);
    expect(metrics.agentSentimentScore).toBe(0);
    expect(metrics.customerSentimentScore).toBe(0);
    expect(metrics.customerSentimentTrend).toBe(0);
    expect(metrics.agentQuestionCount).toBe(1);
    expect(metrics.speakerSwitches).toBe(2);
  });

  it('handles a call with only the agent speaking', () => {
    const metrics = computeCallInsights(call(['AGENT', 'Hello? Anyone there? I will call back tomorrow.', -0.1]));
    expect(metrics.agentTalkRatio).toBe(1);
    expect(metrics.speakerSwitches).toBe(0);
    expect(metrics.longestAgentMonologueWords).toBe(8);
    expect(metrics.longestCustomerStoryWords).toBe(0);
    expect(metrics.agentQuestionCount).toBe(2);
    expect(metrics.agentSentimentScore).toBe(-0.1);
    expect(metrics.customerSentimentTrend).toBe(0);
  });

  it('uses utterance positions for thirds and needs customer words in both', () => {
    // n = 2: the last third starts at position 4/3, so it is empty.
    expect(computeCallInsights(call(['CUSTOMER', 'bad', -1], ['CUSTOMER', 'good', 1])).customerSentimentTrend).toBe(0);
    // n = 3: positions 0 and 2.
    const three = call(['CUSTOMER', 'bad', -0.5], ['AGENT', 'hmm', 0], ['CUSTOMER', 'good now', 0.5]);
    expect(computeCallInsights(three).customerSentimentTrend).toBe(1);
    // The customer speaks only in the middle third.
    const middle = call(['AGENT', 'a'], ['AGENT', 'b'], ['AGENT', 'c'], ['CUSTOMER', 'd', 1], ['AGENT', 'e'], ['AGENT', 'f']);
    expect(computeCallInsights(middle).customerSentimentTrend).toBe(0);
  });

  it('puts position n/3 outside the first third and position 2n/3 inside the last', () => {
    const utterances = call(
      ['CUSTOMER', 'a', 1],
      ['AGENT', 'x'],
      ['CUSTOMER', 'b', -1], // position 2 = n/3: middle third
      ['AGENT', 'x'],
      ['CUSTOMER', 'c', 0.5], // position 4 = 2n/3: last third
      ['AGENT', 'x'],
    );
    expect(computeCallInsights(utterances).customerSentimentTrend).toBe(-0.5);
  });

  it('weights the trend by words within each third', () => {
    const utterances = call(
      ['CUSTOMER', 'one', 1],
      ['CUSTOMER', 'one two three', -1],
      ['AGENT', 'filler'],
      ['AGENT', 'filler'],
      ['OTHER', 'filler'],
      ['CUSTOMER', 'one two three four', 0.5],
    );
    // Positions < 2 are the first third, >= 4 the last.
    expect(computeCallInsights(utterances).customerSentimentTrend).toBeCloseTo(0.5 - (1 - 3) / 4, 12);
  });

  it('counts words with the contract rule in unicode text', () => {
    const metrics = computeCallInsights(call(['AGENT', 'Ça coûte 20€ 😊'], ['CUSTOMER', '東京 から です']));
    expect(metrics.agentWordCount).toBe(3);
    expect(metrics.customerWordCount).toBe(3);
  });
});
