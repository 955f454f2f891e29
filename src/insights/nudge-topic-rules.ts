import { PRAISE, type NudgeCandidate, type NudgeInput } from './nudge-rules.js';
import type { ScoredUtterance } from './metrics.js';
import { mentionsTopic } from './topics.js';

/*
 * An objection is answered when the agent's next utterance talks value: ROI,
 * savings, outcomes, a comparison, or the price itself. A bare "let me check"
 * is not an answer.
 */
const VALUE_TERMS = new RegExp(
  "(?<![\\p{L}\\p{N}'])(?:" +
    [
      'value', 'roi', 'return on investment', 'pays? for itself', 'payback', 'sav(?:e|es|ed|ing|ings)',
      'worth', 'benefit\\p{L}*', 'result\\p{L}*', 'outcome\\p{L}*', 'discount\\p{L}*', 'pric\\p{L}*',
      'cost\\p{L}*', 'budget\\p{L}*', 'compar\\p{L}*', 'differen\\p{L}*',
      'valor', 'ahorr\\p{L}*', 'valeur', 'économ\\p{L}*', 'rentab\\p{L}*', 'wert', 'spar\\p{L}*', 'ersparnis',
    ].join('|') +
    ")(?![\\p{L}\\p{N}'])",
  'iu',
);

interface Objection {
  pricing: boolean;
  competitor: boolean;
  answered: boolean;
}

// Walks backwards so each customer turn knows the agent's next reply in one pass.
function findObjections(utterances: readonly ScoredUtterance[]): Objection[] {
  const objections: Objection[] = [];
  let nextAgentText: string | undefined;
  for (let i = utterances.length - 1; i >= 0; i -= 1) {
    const { speaker, text } = utterances[i];
    if (speaker === 'AGENT') nextAgentText = text;
    if (speaker !== 'CUSTOMER') continue;
    const pricing = mentionsTopic(text, 'pricing');
    const competitor = mentionsTopic(text, 'competitor');
    if (!pricing && !competitor) continue;
    objections.push({ pricing, competitor, answered: nextAgentText !== undefined && VALUE_TERMS.test(nextAgentText) });
  }
  return objections;
}

function describe(objections: readonly Objection[]): string {
  const pricing = objections.some((objection) => objection.pricing);
  const competitor = objections.some((objection) => objection.competitor);
  if (pricing && competitor) return 'pricing or competitors';
  return pricing ? 'pricing' : 'competitors';
}

/** Pricing and competitor objections from the customer; null when none came up. */
export function objectionRule({ utterances }: NudgeInput): NudgeCandidate | null {
  const objections = findObjections(utterances);
  if (objections.length === 0) return null;
  const raised = objections.length;
  const open = objections.filter((objection) => !objection.answered).length;
  const what = describe(objections);
  const category = 'objection';
  if (open > 0) {
    const text = `The customer brought up ${what} ${raised} time${raised === 1 ? '' : 's'} and ${open} went unanswered; reply with value, ROI or a clear comparison before moving on.`;
    return { category, severity: 0.55 + Math.min(0.3, open * 0.1), text };
  }
  const text = `You answered ${raised} of ${raised} ${what} objections with value or ROI; keep tying the price to outcomes.`;
  return { category, severity: PRAISE.objection, text };
}

/** Whether the call agreed on what happens next. */
export function nextStepsRule({ utterances }: NudgeInput): NudgeCandidate {
  const mentions = utterances.filter((utterance) => mentionsTopic(utterance.text, 'next_steps')).length;
  const total = utterances.length;
  const category = 'next_steps';
  if (mentions === 0) {
    const text = `No next steps came up in ${total} utterance${total === 1 ? '' : 's'}; close by agreeing on a date, an owner and an agenda for the follow-up.`;
    // A call of a few turns is often a callback that needs no plan of its own.
    return { category, severity: total < 4 ? 0.3 : 0.5, text };
  }
  const text = `Next steps came up in ${mentions} of ${total} utterances; confirm them by email with dates and owners right after the call.`;
  return { category, severity: PRAISE.next_steps, text };
}
