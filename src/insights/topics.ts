/** Every topic the insights can report, in the contract's order. */
export const TOPICS = [
  'pricing',
  'competitor',
  'discount',
  'churn',
  'next_steps',
  'onboarding',
  'integration',
  'security',
  'legal',
  'support',
] as const;

export type Topic = (typeof TOPICS)[number];

/*
 * Lower-case phrases per topic, en first, then es, fr, de. A space matches any
 * run of spaces or hyphens ("follow up" = "follow-up"); a trailing `*` allows
 * any word ending ("integrat*" = integrate, integrates, integration).
 */
const PHRASES: Record<Topic, readonly string[]> = {
  pricing: [
    'price*', 'pricing', 'cost', 'costs', 'costly', 'expensive', 'cheap*', 'budget*', 'quote', 'quoted',
    'per seat', 'per user', 'per license', 'license fee*', 'how much', 'overpriced', 'affordable',
    'precio*', 'caro', 'cuesta', 'coste', 'costo', 'presupuesto',
    'prix', 'cher', 'coût*', 'tarif*', 'devis',
    'preis*', 'teuer', 'kosten', 'kostet',
  ],
  competitor: [
    'competitor*', 'competition', 'competing', 'other vendor*', 'another vendor', 'other provider*',
    'another provider', 'alternative vendor*', 'alternative provider*', 'alternatives to', 'switch to', 'switching to', 'cheaper elsewhere',
    'competencia', 'competidor*', 'otro proveedor',
    'concurrent*', 'concurrence', 'autre fournisseur',
    'konkurrenz', 'wettbewerber*', 'mitbewerber*', 'anderen anbieter', 'anderer anbieter',
  ],
  discount: [
    'discount*', '% off', 'percent off', 'promo', 'promotion*', 'coupon*', 'rebate*', 'special offer',
    'better deal', 'price break', 'match the price', 'descuento*', 'rebaja*', 'remise*', 'réduction*',
    'rabais', 'rabatt*', 'nachlass', 'skonto',
  ],
  churn: [
    'cancel', 'cancels', 'cancelled', 'canceled', 'cancelling', 'canceling', 'cancellation', 'churn*',
    'not renew*', "won't renew", "won't be renewing", 'terminate', 'termination', 'end our contract',
    'downgrad*', 'cancelar', 'cancelación', 'darnos de baja', 'annuler', 'annulation', 'résilier',
    'résiliation', 'kündigen', 'kündigung',
  ],
  next_steps: [
    'next step*', 'follow up', 'followup', 'action item*', 'circle back', 'touch base', 'schedule a',
    'set up a call', 'set up a meeting', 'book a', 'calendar invite', 'send over', 'send you the',
    'próximo paso*', 'próximos pasos', 'siguiente paso*', 'seguimiento',
    'prochaine étape*', 'prochaines étapes', 'suivi', 'nächste schritt*', 'nächsten schritt*', 'termin',
  ],
  onboarding: [
    'onboard*', 'kickoff', 'kick off', 'implementation', 'implement', 'rollout', 'roll out',
    'training', 'go live', 'went live', 'get started', 'setup', 'set up the account',
    'implementación', 'incorporación', 'capacitación', 'formación', 'déploiement', 'formation',
    'mise en place', 'einarbeitung', 'schulung*', 'einführung', 'einrichtung',
  ],
  integration: [
    'integrat*', 'api', 'apis', 'webhook*', 'sync*', 'connector*', 'plugin*', 'plug in', 'crm',
    'salesforce', 'hubspot', 'zapier', 'integración', 'integrar', 'intégration', 'intégrer',
    'schnittstelle*', 'anbindung',
  ],
  security: [
    'security', 'soc 2', 'soc2', 'gdpr', 'sso', 'single sign on', 'encrypt*', 'penetration test*',
    'pen test*', 'iso 27001', 'compliance', 'compliant', 'data residency', 'hipaa', 'access control*',
    'audit log*', 'vulnerabilit*', 'seguridad', 'cifrado', 'sécurité', 'chiffrement', 'rgpd',
    'sicherheit', 'datenschutz', 'verschlüsselung', 'dsgvo',
  ],
  legal: [
    'legal', 'contract', 'contracts', 'msa', 'nda', 'dpa', 'terms and conditions', 'terms of service',
    'liability', 'indemnif*', 'clause*', 'lawyer*', 'attorney*', 'counsel', 'redline*',
    'contrato*', 'abogado*', 'cláusula*', 'contrat', 'contrats', 'juridique', 'avocat*',
    'vertrag*', 'rechtsabteilung', 'anwalt', 'anwälte', 'klausel*', 'agb',
  ],
  // "support" alone is usually the verb ("do you support SSO?"), so the noun
  // is recognised by its company.
  support: [
    'customer support', 'tech support', 'technical support', 'premium support', 'contact support',
    'support team*', 'support ticket*', 'support plan*', 'support package*', 'support staff',
    'support agent*', 'support portal', 'support hours', 'your support', 'the support', 'our support',
    'support is', 'support was', 'support has', 'help desk', 'helpdesk', 'ticket*', 'customer success',
    'sla', 'slas', 'response time*', 'troubleshoot*', 'soporte', 'asistencia', 'le support',
    'du support', 'assistance', 'sav', 'der support', 'den support', 'vom support', 'kundendienst',
    'kundenservice',
  ],
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Boundaries follow the contract's word rule: letters, digits and apostrophes
// are inside a word, so "api" does not match "rapid". A phrase that starts
// with a symbol ("% off" in "20% off") needs no boundary before it.
const WORD_BEFORE = "(?<![\\p{L}\\p{N}'])";
const WORD_AFTER = "(?![\\p{L}\\p{N}'])";

function toPattern(phrase: string): string {
  const wildcard = phrase.endsWith('*');
  const body = (wildcard ? phrase.slice(0, -1) : phrase).split(' ').map(escape).join('[\\s-]+');
  const start = /^[\p{L}\p{N}']/u.test(phrase) ? WORD_BEFORE : '';
  return `${start}${body}${wildcard ? "[\\p{L}\\p{N}']*" : ''}`;
}

const MATCHERS: ReadonlyMap<Topic, RegExp> = new Map(
  TOPICS.map((topic) => [topic, new RegExp(`(?:${PHRASES[topic].map(toPattern).join('|')})${WORD_AFTER}`, 'u')]),
);

function normalise(text: string): string {
  return text.toLowerCase().replace(/’/g, "'");
}

function matches(topic: Topic, normalisedText: string): boolean {
  return MATCHERS.get(topic)?.test(normalisedText) ?? false;
}

/** The topics mentioned anywhere in `utterances`, sorted by name. */
export function detectTopics(utterances: ReadonlyArray<{ readonly text: string }>): Topic[] {
  const text = utterances.map((utterance) => normalise(utterance.text)).join('\n');
  return TOPICS.filter((topic) => matches(topic, text)).sort();
}

/** Whether `text` mentions `topic`. */
export function mentionsTopic(text: string, topic: Topic): boolean {
  return matches(topic, normalise(text));
}
