import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../../src/insights/transcript.js';

const turns = (text: string) => parseTranscript(text).map((u) => [u.speaker, u.text]);

describe('parseTranscript', () => {
  it('splits agent and customer turns with 0-based indexes and no prefixes', () => {
    expect(parseTranscript('Agent: Hello there.\nCustomer: Hi!')).toEqual([
      { index: 0, speaker: 'AGENT', text: 'Hello there.' },
      { index: 1, speaker: 'CUSTOMER', text: 'Hi!' },
    ]);
  });

  it('accepts agent and customer prefixes in any case with spaces around the label', () => {
    expect(turns('AGENT: one\n  customer :two\nAgEnT   :   three  \ncUsToMeR:four')).toEqual([
      ['AGENT', 'one'],
      ['CUSTOMER', 'two'],
      ['AGENT', 'three'],
      ['CUSTOMER', 'four'],
    ]);
  });

  it('treats other short capitalised names as OTHER speakers', () => {
    expect(turns('Agent: hi\nMaria Lopez: hola\nDr. Smith: hello\nSpeaker 2: yo\n田中: こんにちは\nCustomer: ok')).toEqual([
      ['AGENT', 'hi'],
      ['OTHER', 'hola hello yo こんにちは'],
      ['CUSTOMER', 'ok'],
    ]);
  });

  it('keeps a sentence with a colon as text but reads a capitalised label like Note as a speaker', () => {
    expect(turns('Agent: the plan\nThe price is: 20 per seat\nMeeting at 10:30 works\nNote: customer muted')).toEqual([
      ['AGENT', 'the plan The price is: 20 per seat Meeting at 10:30 works'],
      ['OTHER', 'customer muted'],
    ]);
  });

  it('does not read URLs, long labels or labels without a following space as speakers', () => {
    const text = [
      'Customer: see',
      'Https://example.com/pricing',
      'Ratio:3 to 1',
      'Bartholomew Fitzgerald-Montgomery Smythe-Worthington: text',
      'One Two Three Four Five: text',
    ].join('\n');
    expect(turns(text)).toEqual([
      [
        'CUSTOMER',
        'see Https://example.com/pricing Ratio:3 to 1 Bartholomew Fitzgerald-Montgomery Smythe-Worthington: text One Two Three Four Five: text',
      ],
    ]);
  });

  it('joins continuation lines to the current turn with a single space and ignores blank lines', () => {
    expect(turns('Agent: first line\n   second line  \n\n\nthird line\nCustomer: ok')).toEqual([
      ['AGENT', 'first line second line third line'],
      ['CUSTOMER', 'ok'],
    ]);
  });

  it('merges consecutive turns of the same speaker into one utterance', () => {
    expect(turns('Agent: a\nagent: b\nCustomer: c\nCustomer: d\nAgent: e')).toEqual([
      ['AGENT', 'a b'],
      ['CUSTOMER', 'c d'],
      ['AGENT', 'e'],
    ]);
  });

  it('drops empty turns and merges the same speaker around them', () => {
    expect(parseTranscript('Agent: a\nCustomer:\nAgent: b\nCustomer:   \nOther Person:\nAgent: c')).toEqual([
      { index: 0, speaker: 'AGENT', text: 'a b c' },
    ]);
  });

  it('lets an empty turn own the continuation lines that follow it', () => {
    expect(turns('Agent: hi\nCustomer:\n  wrapped answer\nAgent: ok')).toEqual([
      ['AGENT', 'hi'],
      ['CUSTOMER', 'wrapped answer'],
      ['AGENT', 'ok'],
    ]);
  });

  it('gives text before the first prefix to OTHER', () => {
    expect(turns('Recording started\n\nAgent: hello')).toEqual([
      ['OTHER', 'Recording started'],
      ['AGENT', 'hello'],
    ]);
  });

  it('handles CRLF, lone CR and a byte-order mark', () => {
    expect(turns('\uFEFFAgent: a\r\ncontinued\r\nCustomer: b\rAgent: c')).toEqual([
      ['AGENT', 'a continued'],
      ['CUSTOMER', 'b'],
      ['AGENT', 'c'],
    ]);
  });

  it('keeps unicode text intact', () => {
    expect(turns('Customer: Ça coûte trop cher 😡 — 値段が高い\nÉlodie: D’accord')).toEqual([
      ['CUSTOMER', 'Ça coûte trop cher 😡 — 値段が高い'],
      ['OTHER', 'D’accord'],
    ]);
  });

  it('reads numbered agent labels as OTHER speakers, since only Agent and Customer are roles', () => {
    expect(turns('Agent: hi\nAgent 2: hello\nCustomer: hey')).toEqual([
      ['AGENT', 'hi'],
      ['OTHER', 'hello'],
      ['CUSTOMER', 'hey'],
    ]);
  });

  it('keeps Unicode line and paragraph separators inside a turn', () => {
    expect(turns('Agent: one\u2028two\nJo: three\u2029four')).toEqual([
      ['AGENT', 'one\u2028two'],
      ['OTHER', 'three\u2029four'],
    ]);
  });

  it('keeps the text after the first colon of a prefixed line', () => {
    expect(turns('Customer: Agent: are you there? Time: 10:30')).toEqual([['CUSTOMER', 'Agent: are you there? Time: 10:30']]);
  });

  it('returns no utterances for empty or blank transcripts', () => {
    expect(parseTranscript('')).toEqual([]);
    expect(parseTranscript('\n \r\n\t')).toEqual([]);
    expect(parseTranscript('Agent:\nCustomer:')).toEqual([]);
  });

  it('parses a transcript with a single speaker into one utterance', () => {
    expect(parseTranscript('Agent: one\nAgent: two\nthree')).toEqual([{ index: 0, speaker: 'AGENT', text: 'one two three' }]);
  });
});
