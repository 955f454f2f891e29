/**
 * Sales-domain sentiment phrases for en, es, fr and de, lower-case, written as
 * words under the contract's rule (so "doesn't" is one word, "sign-on" two).
 *
 * `weight` is the phrase's sentiment; `negated` is what it becomes after a
 * negator ("not cheap", "kein Problem") and defaults to -weight / 2, since a
 * negated opinion is weaker than the opposite one. A weight of 0 blocks a
 * shorter phrase inside it ("single sign on" is not "sign").
 */
export interface DomainTerm {
  phrase: string;
  weight: number;
  negated?: number;
}

const NEGATIVE_EN: DomainTerm[] = [
  { phrase: 'too expensive', weight: -0.7 },
  { phrase: 'way too expensive', weight: -0.85 },
  { phrase: 'too pricey', weight: -0.7 },
  { phrase: 'overpriced', weight: -0.7 },
  { phrase: 'price increase', weight: -0.4 },
  { phrase: 'price hike', weight: -0.5 },
  { phrase: "can't afford", weight: -0.6 },
  { phrase: 'cannot afford', weight: -0.6 },
  { phrase: "can't justify", weight: -0.6 },
  { phrase: 'cannot justify', weight: -0.6 },
  { phrase: 'over budget', weight: -0.5 },
  { phrase: 'over our budget', weight: -0.5 },
  { phrase: 'competitor is cheaper', weight: -0.7 },
  { phrase: 'cheaper elsewhere', weight: -0.6 },
  { phrase: 'cheaper alternative', weight: -0.5 },
  { phrase: 'cancel', weight: -0.5 },
  { phrase: 'cancelling', weight: -0.5 },
  { phrase: 'canceling', weight: -0.5 },
  { phrase: 'cancellation', weight: -0.4 },
  { phrase: 'terminate', weight: -0.5 },
  { phrase: 'termination', weight: -0.4 },
  { phrase: 'switch to', weight: -0.4 },
  { phrase: 'switching to', weight: -0.4 },
  { phrase: 'other vendors', weight: -0.2 },
  { phrase: 'look at other vendors', weight: -0.5 },
  { phrase: 'looking at other vendors', weight: -0.5 },
  { phrase: 'look elsewhere', weight: -0.5 },
  { phrase: 'renew', weight: 0.3, negated: -0.7 },
  { phrase: 'renewing', weight: 0.3, negated: -0.7 },
  { phrase: 'not happy', weight: -0.7 },
  { phrase: 'unhappy', weight: -0.6 },
  { phrase: 'frustrated', weight: -0.6 },
  { phrase: 'frustrating', weight: -0.6 },
  { phrase: 'disappointed', weight: -0.6 },
  { phrase: 'disappointing', weight: -0.6 },
  { phrase: 'annoyed', weight: -0.5 },
  { phrase: 'unacceptable', weight: -0.7 },
  { phrase: "doesn't work", weight: -0.7 },
  { phrase: 'does not work', weight: -0.7 },
  { phrase: 'not working', weight: -0.6 },
  { phrase: 'stopped working', weight: -0.6 },
  { phrase: 'broken', weight: -0.6 },
  { phrase: 'buggy', weight: -0.5 },
  { phrase: 'crashing', weight: -0.5 },
  { phrase: 'keeps crashing', weight: -0.6 },
  { phrase: 'crashes', weight: -0.5 },
  { phrase: 'outage', weight: -0.4 },
  { phrase: 'too slow', weight: -0.5 },
  { phrase: 'a mess', weight: -0.5 },
  { phrase: 'useless', weight: -0.6 },
  { phrase: 'wasted', weight: -0.5 },
  { phrase: 'waste of time', weight: -0.6 },
  { phrase: 'waste of money', weight: -0.6 },
  { phrase: 'nothing but problems', weight: -0.7 },
  { phrase: 'never gets back', weight: -0.5 },
  { phrase: 'never got back', weight: -0.5 },
  { phrase: 'never heard back', weight: -0.5 },
  { phrase: 'still waiting', weight: -0.4 },
  { phrase: 'complain', weight: -0.4 },
  { phrase: 'complaint', weight: -0.4 },
  { phrase: 'complaints', weight: -0.4, negated: 0.5 },
  { phrase: 'problem', weight: -0.3, negated: 0.4 },
  { phrase: 'problems', weight: -0.3, negated: 0.4 },
  { phrase: 'issue', weight: -0.3, negated: 0.4 },
  { phrase: 'issues', weight: -0.3, negated: 0.4 },
  { phrase: 'worried', weight: -0.4 },
  { phrase: 'complicated', weight: -0.3, negated: 0.4 },
];

const POSITIVE_EN: DomainTerm[] = [
  { phrase: 'no complaints', weight: 0.6 },
  { phrase: "can't complain", weight: 0.5 },
  { phrase: 'not a problem', weight: 0.5 },
  { phrase: 'no problem', weight: 0.5 },
  { phrase: 'no worries', weight: 0.4 },
  { phrase: 'sounds good', weight: 0.5 },
  { phrase: 'sounds great', weight: 0.6 },
  { phrase: 'perfect', weight: 0.6 },
  { phrase: 'love', weight: 0.6 },
  { phrase: 'great fit', weight: 0.7 },
  { phrase: 'good fit', weight: 0.5 },
  { phrase: "let's do it", weight: 0.7 },
  { phrase: "let's move forward", weight: 0.6 },
  { phrase: 'move forward', weight: 0.4 },
  { phrase: 'sign', weight: 0.4 },
  { phrase: 'signed', weight: 0.4 },
  { phrase: 'sign on', weight: 0 },
  { phrase: 'sign in', weight: 0 },
  { phrase: 'single sign', weight: 0 },
  { phrase: 'works for us', weight: 0.6 },
  { phrase: 'work for us', weight: 0.6 },
  { phrase: 'works great', weight: 0.6 },
  { phrase: 'works well', weight: 0.5 },
  { phrase: 'worth it', weight: 0.5, negated: -0.6 },
  { phrase: 'worth the money', weight: 0.5, negated: -0.6 },
  { phrase: 'worth the price', weight: 0.5, negated: -0.6 },
  { phrase: 'impressed', weight: 0.5 },
  { phrase: 'easier', weight: 0.4 },
  { phrase: 'see the value', weight: 0.4, negated: -0.6 },
  { phrase: 'exactly what', weight: 0.4 },
  { phrase: 'nailed it', weight: 0.6 },
  { phrase: 'rock solid', weight: 0.6 },
  { phrase: 'easy decision', weight: 0.5 },
  { phrase: 'no brainer', weight: 0.6 },
  { phrase: 'flawlessly', weight: 0.5 },
  { phrase: 'seamless', weight: 0.5 },
  { phrase: 'painless', weight: 0.5 },
  { phrase: 'smooth', weight: 0.4 },
  { phrase: 'fixed', weight: 0.3, negated: -0.5 },
  { phrase: 'on board', weight: 0.4 },
];

const OTHER_LANGUAGES: DomainTerm[] = [
  // es
  { phrase: 'caro', weight: -0.5 },
  { phrase: 'muy caro', weight: -0.6 },
  { phrase: 'demasiado caro', weight: -0.8 },
  { phrase: 'cancelar', weight: -0.5 },
  { phrase: 'cancelación', weight: -0.4 },
  { phrase: 'darnos de baja', weight: -0.6 },
  { phrase: 'frustrado', weight: -0.6 },
  { phrase: 'malo', weight: -0.5 },
  { phrase: 'mala', weight: -0.5 },
  { phrase: 'decepcionado', weight: -0.6 },
  { phrase: 'funciona', weight: 0.2, negated: -0.6 },
  { phrase: 'problema', weight: -0.3, negated: 0.4 },
  { phrase: 'contento', weight: 0.5, negated: -0.6 },
  { phrase: 'contentos', weight: 0.5, negated: -0.6 },
  { phrase: 'satisfecho', weight: 0.5, negated: -0.6 },
  { phrase: 'satisfechos', weight: 0.5, negated: -0.6 },
  { phrase: 'genial', weight: 0.6 },
  { phrase: 'perfecto', weight: 0.6 },
  { phrase: 'perfecta', weight: 0.6 },
  { phrase: 'excelente', weight: 0.6 },
  { phrase: 'encanta', weight: 0.6 },
  { phrase: 'muy bien', weight: 0.5 },
  { phrase: 'firmar', weight: 0.4 },
  // fr
  { phrase: 'trop cher', weight: -0.8 },
  { phrase: 'très cher', weight: -0.5 },
  { phrase: 'hors de prix', weight: -0.7 },
  { phrase: 'annuler', weight: -0.5 },
  { phrase: 'résilier', weight: -0.6 },
  { phrase: 'résiliation', weight: -0.5 },
  { phrase: 'déçu', weight: -0.6 },
  { phrase: 'déçus', weight: -0.6 },
  { phrase: 'problème', weight: -0.3, negated: 0.4 },
  { phrase: 'fonctionne', weight: 0.2, negated: -0.6 },
  { phrase: 'marche', weight: 0.2, negated: -0.6 },
  { phrase: 'contente', weight: 0.5, negated: -0.6 },
  { phrase: 'contents', weight: 0.5, negated: -0.6 },
  { phrase: 'satisfait', weight: 0.5, negated: -0.6 },
  { phrase: 'satisfaits', weight: 0.5, negated: -0.6 },
  { phrase: 'parfait', weight: 0.6 },
  { phrase: 'parfaite', weight: 0.6 },
  { phrase: 'génial', weight: 0.6 },
  { phrase: 'très bien', weight: 0.5 },
  { phrase: 'convient', weight: 0.4, negated: -0.5 },
  { phrase: 'signer', weight: 0.4 },
  // de
  { phrase: 'teuer', weight: -0.4 },
  { phrase: 'zu teuer', weight: -0.8 },
  { phrase: 'kündigen', weight: -0.6 },
  { phrase: 'kündigung', weight: -0.5 },
  { phrase: 'enttäuscht', weight: -0.6 },
  { phrase: 'unzufrieden', weight: -0.6 },
  { phrase: 'schlecht', weight: -0.5 },
  { phrase: 'funktioniert', weight: 0.2, negated: -0.6 },
  { phrase: 'zufrieden', weight: 0.5, negated: -0.6 },
  { phrase: 'gut', weight: 0.4, negated: -0.4 },
  { phrase: 'klingt gut', weight: 0.5 },
  { phrase: 'perfekt', weight: 0.6 },
  { phrase: 'toll', weight: 0.5 },
  { phrase: 'prima', weight: 0.5 },
  { phrase: 'passt', weight: 0.4, negated: -0.5 },
  { phrase: 'unterschreiben', weight: 0.4 },
  // shared
  { phrase: 'super', weight: 0.5 },
];

export const DOMAIN_TERMS: readonly DomainTerm[] = [...NEGATIVE_EN, ...POSITIVE_EN, ...OTHER_LANGUAGES];

/** Words that negate a phrase up to NEGATION_WINDOW words later. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'zero', 'never', 'hardly', 'cannot', 'without', 'nobody', 'nothing',
  'nunca', 'sin', 'ni', 'tampoco',
  'ne', 'pas', 'jamais', 'sans',
  'nicht', 'kein', 'keine', 'keinen', 'keinem', 'nie', 'niemals', 'ohne',
]);

/** Negators that follow what they negate: "funktioniert nicht", "marche pas". */
export const POST_NEGATORS: ReadonlySet<string> = new Set(['nicht', 'pas']);

/** Words that make what follows hypothetical ("if we cancel"), not felt. */
export const HYPOTHETICALS: ReadonlySet<string> = new Set(['if', 'wenn']);

/** Words that end a negation's reach: "not cheap, but worth it". */
export const CONTRASTS: ReadonlySet<string> = new Set(['but', 'pero', 'mais', 'aber']);

/*
 * Words wink scores but that are small talk or topic names in a sales call:
 * "okay", "well", "right" open half the sentences, "support" and "legal" are
 * departments, "sorry" is politeness. Left in, they tilt every call positive.
 */
export const WINK_NEUTRAL_WORDS: readonly string[] = [
  'ok', 'okay', 'well', 'right', 'yes', 'sure', 'please', 'sorry', 'excuse', 'pardon',
  'thinking', 'legal', 'support', 'share', 'invite', 'approval', 'honest', 'interest',
];
