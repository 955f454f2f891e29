import { Rng } from './prng.js';
import { fillSlots, type Slots } from './slots.js';

/** Chance that a multi-sentence turn wraps onto a line without a prefix. */
const CONTINUATION_RATE = 0.015;
/** Chance that a multi-sentence turn is written as two lines with the same prefix. */
const REPEATED_PREFIX_RATE = 0.01;

export interface RenderedTranscript {
  text: string;
  /** Speaker turns written, third parties included. */
  turns: number;
  /** Whitespace-separated words, speaker prefixes excluded. */
  words: number;
}

/**
 * Accumulates `Label: text` lines. It also produces the parser edge cases the
 * contract allows: continuation lines, the same speaker on consecutive lines,
 * and turns with no text at all.
 */
export class TranscriptWriter {
  private readonly lines: string[] = [];
  private prefixWords = 0;
  chars = 0;
  turns = 0;

  constructor(
    private readonly rng: Rng,
    private readonly slots: Slots,
  ) {}

  say(label: string, templates: readonly string[]): void {
    const sentences = templates.map((template) => fillSlots(template, this.slots));
    this.turns++;
    const roll = this.rng.next();
    if (sentences.length >= 2 && roll < CONTINUATION_RATE + REPEATED_PREFIX_RATE) {
      const cut = Math.ceil(sentences.length / 2);
      const head = sentences.slice(0, cut).join(' ');
      const tail = sentences.slice(cut).join(' ');
      this.push(label, head);
      if (roll < CONTINUATION_RATE) this.pushRaw(tail);
      else this.push(label, tail);
      return;
    }
    this.push(label, sentences.join(' '));
  }

  finish(): RenderedTranscript {
    const text = this.lines.join('\n');
    return { text, turns: this.turns, words: countWords(text) - this.prefixWords };
  }

  private push(label: string, text: string): void {
    this.prefixWords += countWords(label);
    this.pushRaw(text.length > 0 ? `${label}: ${text}` : `${label}:`);
  }

  private pushRaw(line: string): void {
    this.chars += line.length + (this.lines.length > 0 ? 1 : 0);
    this.lines.push(line);
  }
}

/** Counts whitespace-separated tokens without allocating. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || code === 10 || code === 9 || code === 13;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
