import { describe, expect, it } from 'vitest';
import { PHRASE_BANKS } from '../../../src/synthetic/phrases/index.js';
import type { PhraseBank } from '../../../src/synthetic/phrases/types.js';
import { LANGUAGES } from '../../../src/synthetic/types.js';

const SLOTS = new Set([
  'agent', 'contact', 'company', 'vendor', 'product', 'competitor', 'price', 'total',
  'seats', 'discount', 'day', 'weeks', 'months', 'integration', 'cert',
]);

/** Every string template in a bank, with its path for failure messages. */
function templates(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => templates(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => templates(item, `${path}.${key}`));
  }
  return [];
}

function shape(value: unknown): unknown {
  if (Array.isArray(value)) return 'list';
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shape(item)]));
  }
  return typeof value;
}

describe('phrase banks', () => {
  it('have the same structure in every language', () => {
    for (const language of LANGUAGES) expect(shape(PHRASE_BANKS[language]), language).toEqual(shape(PHRASE_BANKS.en));
  });

  it('contain no colon or line break, which would fake a speaker or split a turn', () => {
    for (const language of LANGUAGES) {
      const bank: PhraseBank = PHRASE_BANKS[language];
      for (const [path, text] of templates(bank, language)) {
        if (path.endsWith('.managerLabel') || path.includes('.otherRoles') || path.includes('.otherNames')) continue;
        expect(text, path).not.toMatch(/[:\r\n]/);
      }
    }
  });

  it('use only known slots and never leave a list empty', () => {
    for (const language of LANGUAGES) {
      for (const [path, text] of templates(PHRASE_BANKS[language], language)) {
        for (const [, slot] of text.matchAll(/\{(\w+)\}/g)) expect(SLOTS.has(slot), `${path} {${slot}}`).toBe(true);
      }
      const lists = JSON.stringify(PHRASE_BANKS[language]);
      expect(lists).not.toContain('[]');
    }
  });

  it('make listener lines questions so listeners ask more', () => {
    for (const language of LANGUAGES) {
      for (const line of PHRASE_BANKS[language].styles.listener) expect(line.trim().endsWith('?'), line).toBe(true);
    }
  });

  it('format money per language', () => {
    expect(PHRASE_BANKS.en.money('1,200')).toBe('$1,200');
    expect(PHRASE_BANKS.de.money('1.200')).toBe('1.200 €');
  });
});
