import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../../src/insights/index.js';
import { countWords } from '../../../src/insights/words.js';

const CALL = [
  'Agent: Hi Maria, thanks for joining. How is the pilot going?',
  'Customer: The dashboards are great, but honestly it is way too expensive.',
  'agent: I hear you. Teams like yours save about 20 hours a month, so the ROI is clear.',
  'Bob: Sorry, joining late.',
  'CUSTOMER: Our competitor is cheaper though.',
  '  and their onboarding was faster.',
  'Agent:',
  'Customer: Anyway, sounds good. Send over the contract and we will sign next week.',
  'Agent: Great, I will schedule a follow-up for Tuesday. Any questions from legal?',
].join('\r\n');

describe('analyzeTranscript', () => {
  it('pins utterances and figures on a hand-written call', () => {
    const analysis = analyzeTranscript(CALL);
    expect(analysis.utterances.map(({ index, speaker, text }) => [index, speaker, text])).toEqual([
      [0, 'AGENT', 'Hi Maria, thanks for joining. How is the pilot going?'],
      [1, 'CUSTOMER', 'The dashboards are great, but honestly it is way too expensive.'],
      [2, 'AGENT', 'I hear you. Teams like yours save about 20 hours a month, so the ROI is clear.'],
      [3, 'OTHER', 'Sorry, joining late.'],
      [
        4,
        'CUSTOMER',
        'Our competitor is cheaper though. and their onboarding was faster. Anyway, sounds good. Send over the contract and we will sign next week.',
      ],
      [5, 'AGENT', 'Great, I will schedule a follow-up for Tuesday. Any questions from legal?'],
    ]);
    const [, complaint, , other, mixed, close] = analysis.utterances.map((u) => u.sentiment);
    expect(complaint).toBeLessThan(0);
    expect(other).toBe(0);
    expect(mixed).toBeGreaterThan(0);
    expect(close).toBeGreaterThan(0);

    // Words: agent 10 + 17 + 13 = 40, customer 11 + 23 = 34, other 3.
    expect(analysis.agentTalkRatio).toBe(40 / 77);
    expect(analysis.insights).toMatchObject({
      agentWordCount: 40,
      customerWordCount: 34,
      speakerSwitches: 5,
      longestAgentMonologueWords: 17,
      longestCustomerStoryWords: 23,
      agentQuestionCount: 2,
      topics: ['competitor', 'legal', 'next_steps', 'onboarding', 'pricing'],
    });
    expect(analysis.customerSentimentScore).toBeCloseTo((complaint * 11 + mixed * 23) / 34, 12);
    // Thirds of 6 utterances: positions 0-1 and 4-5.
    expect(analysis.insights.customerSentimentTrend).toBeCloseTo(mixed - complaint, 12);
    expect(Object.keys(analysis.insights)).not.toContain('agentTalkRatio');
  });

  it('returns three nudges and the text to embed', () => {
    const analysis = analyzeTranscript(CALL);
    // The competitor remark is followed by scheduling, not value: unanswered.
    expect(analysis.nudges).toEqual([
      {
        category: 'objection',
        text: 'The customer brought up pricing or competitors 2 times and 1 went unanswered; reply with value, ROI or a clear comparison before moving on.',
      },
      {
        category: 'questions',
        text: 'You asked 2 questions in 3 turns; ask open questions about goals, blockers and timing to uncover what the customer needs.',
      },
      {
        category: 'talk_ratio',
        text: 'You did 52% of the talking, inside the 25% to 55% band around the 43% top reps aim for; keep that balance.',
      },
    ]);
    expect(analysis.embeddingText).toBe(analysis.utterances.map((u) => u.text).join('\n'));
  });

  it('analyses a transcript without any words', () => {
    const analysis = analyzeTranscript('Agent: 👍\nCustomer: ...\nAgent: ?');
    expect(analysis.utterances.map((u) => u.speaker)).toEqual(['AGENT', 'CUSTOMER', 'AGENT']);
    expect(analysis.agentTalkRatio).toBe(0);
    expect(analysis.customerSentimentScore).toBe(0);
    expect(analysis.insights).toMatchObject({ agentWordCount: 0, customerWordCount: 0, speakerSwitches: 2, topics: [] });
    expect(analysis.nudges).toHaveLength(3);
  });

  it('analyses a transcript without any utterances', () => {
    const analysis = analyzeTranscript('   \n\n');
    expect(analysis.utterances).toEqual([]);
    expect(analysis.insights.speakerSwitches).toBe(0);
    expect(analysis.embeddingText).toBe('');
    expect(analysis.nudges).toHaveLength(3);
  });

  it('analyses a call where only the customer speaks', () => {
    const analysis = analyzeTranscript('Customer: Hello? Is anyone there?\nCustomer: I will call back.');
    expect(analysis.utterances).toHaveLength(1);
    expect(analysis.agentTalkRatio).toBe(0);
    expect(analysis.insights).toMatchObject({ customerWordCount: 8, agentQuestionCount: 0, speakerSwitches: 0 });
    expect(analysis.nudges[0].category).toBe('talk_ratio');
  });

  it('handles accents, emoji and CJK text', () => {
    const analysis = analyzeTranscript('Agent: ¿Qué tal? 😊\nCustomer: C’est trop cher — 値段が高い\n山田: はい');
    expect(analysis.utterances.map((u) => u.speaker)).toEqual(['AGENT', 'CUSTOMER', 'OTHER']);
    expect(analysis.insights.agentWordCount).toBe(2);
    expect(analysis.insights.agentQuestionCount).toBe(1);
    expect(analysis.insights.customerWordCount).toBe(5);
    expect(analysis.utterances[1].sentiment).toBeLessThan(0);
    expect(analysis.insights.topics).toEqual(['pricing']);
  });

  it('uses the language tag to keep wink off non-English calls', () => {
    const transcript = 'Customer: Können Sie mir die Preise schicken?';
    expect(analyzeTranscript(transcript, { language: 'de' }).utterances[0].sentiment).toBe(0);
  });

  it('truncates the embedding text at a word boundary', () => {
    const analysis = analyzeTranscript('Agent: alpha beta gamma delta', { maxEmbeddingChars: 13 });
    expect(analysis.embeddingText).toBe('alpha beta');
    const cjk = analyzeTranscript('Agent: 😊😊😊', { maxEmbeddingChars: 3 });
    expect(cjk.embeddingText).toBe('😊');
  });

  it('analyses a 200,000-character transcript consistently', () => {
    const turns = [
      'Agent: Thanks for the time today. What are your goals for the quarter?',
      'Customer: We want more pipeline, but the price is too high for us.',
      'Agent: Teams your size save about 10 hours a week, which is a clear ROI.',
      'Customer: Sounds good, let us schedule the next steps.',
    ];
    const lines: string[] = [];
    let length = 0;
    for (let i = 0; length < 200_000; i += 1) {
      const line = turns[i % turns.length];
      lines.push(line);
      length += line.length + 1;
    }
    const transcript = lines.join('\n').slice(0, 200_000);
    expect(transcript.length).toBe(200_000);

    const started = performance.now();
    const analysis = analyzeTranscript(transcript);
    console.log(`analysed ${transcript.length} characters in ${(performance.now() - started).toFixed(0)} ms`);

    const parsedLines = transcript.split('\n');
    expect(analysis.utterances).toHaveLength(parsedLines.length);
    expect(analysis.insights.speakerSwitches).toBe(parsedLines.length - 1);
    const words = (speaker: string) =>
      parsedLines.filter((line) => line.startsWith(speaker)).reduce((n, line) => n + countWords(line) - 1, 0);
    expect(analysis.insights.agentWordCount).toBe(words('Agent:'));
    expect(analysis.insights.customerWordCount).toBe(words('Customer:'));
    expect(analysis.insights.topics).toEqual(['next_steps', 'pricing']);
    expect(analysis.nudges).toHaveLength(3);
    expect(analysis.embeddingText.length).toBeLessThanOrEqual(24_000);
  });
});
