import { describe, expect, it } from 'vitest';
import { generateLabeledCalls } from '../../../src/synthetic/generator.js';
import { syntheticAgents } from '../../../src/synthetic/roster.js';
import { AGENT_STYLES, LANGUAGES, TOPICS, type Language, type Topic } from '../../../src/synthetic/types.js';
import { agentWordShare, mean, speakerLines } from './contract-helpers.js';

/** Words that name each topic, per language, written independently of the phrase banks. */
const VOCABULARY: Readonly<Record<Language, Readonly<Record<Topic, RegExp>>>> = {
  en: {
    pricing: /\b(price|pricing|cost|budget)/i,
    competitor: /competitor|competition|other vendor|another vendor|switch to/i,
    discount: /discount|% off/i,
    churn: /cancel|not renew/i,
    next_steps: /next step|follow-up|schedule/i,
    onboarding: /onboarding|training|rollout/i,
    integration: /integrat|\bAPI\b/i,
    security: /security|\bSSO\b|encrypt/i,
    legal: /contract|legal|lawyer/i,
    support: /support|ticket/i,
  },
  es: {
    pricing: /precio|coste|presupuesto/i,
    competitor: /competencia|competidor|otro proveedor/i,
    discount: /descuento/i,
    churn: /cancel|darnos de baja/i,
    next_steps: /próximos pasos|seguimiento/i,
    onboarding: /implementación|formación|onboarding/i,
    integration: /integración|\bAPI\b/i,
    security: /seguridad|cifrad|\bSSO\b/i,
    legal: /contrato|legal|cláusula/i,
    support: /soporte|ticket|incidencia/i,
  },
  fr: {
    pricing: /prix|tarif|coût|budget/i,
    competitor: /concurrent/i,
    discount: /remise|réduction/i,
    churn: /résili/i,
    next_steps: /prochaines étapes|suivi/i,
    onboarding: /déploiement|formation|onboarding/i,
    integration: /intégration|\bAPI\b/i,
    security: /sécurité|chiffr|\bSSO\b/i,
    legal: /contrat|juridique|clause/i,
    support: /support|ticket|incident/i,
  },
  de: {
    pricing: /Preis|Kosten|Budget/,
    competitor: /Konkurrenz|Wettbewerb/,
    discount: /Rabatt|Nachlass/,
    churn: /kündig|Kündigung/i,
    next_steps: /nächsten? Schritt|Termin/,
    onboarding: /Onboarding|Schulung|Einführung/,
    integration: /Integration|Schnittstelle|\bAPI\b|Anbindung/,
    security: /Sicherheit|verschlüsselt|\bSSO\b/,
    legal: /Vertrag|Rechtsabteilung|juristisch|Klausel/,
    support: /Support|Ticket|Störung/,
  },
};

describe('synthetic call variety', () => {
  const seed = 2024;
  const labeled = [...generateLabeledCalls({ calls: 2_000, seed })];
  const calls = labeled.map(({ call }) => call);

  it('uses all four languages, mostly English', () => {
    const counts = new Map<string, number>();
    for (const call of calls) counts.set(call.language, (counts.get(call.language) ?? 0) + 1);
    for (const language of LANGUAGES) expect(counts.get(language) ?? 0).toBeGreaterThan(40);
    expect((counts.get('en') ?? 0) / calls.length).toBeGreaterThan(0.6);
  });

  it("puts every topic's vocabulary into transcripts of every language", () => {
    for (const language of LANGUAGES) {
      const transcripts = calls.filter((call) => call.language === language).map((call) => call.transcript);
      for (const topic of TOPICS) {
        expect(transcripts.some((text) => VOCABULARY[language][topic].test(text)), `${language} ${topic}`).toBe(true);
      }
    }
  });

  it('mentions every labelled topic in the call', () => {
    for (const { call, labels } of labeled) {
      for (const topic of labels.topics) {
        expect(VOCABULARY[call.language][topic].test(call.transcript), `${call.callId} ${topic}`).toBe(true);
      }
    }
  });

  it('makes agent personas differ in how much of the talking they do', () => {
    const styleOf = new Map(syntheticAgents(seed, 20).map((agent) => [agent.agentId, agent.style]));
    const shares = new Map<string, number[]>();
    for (const call of calls) {
      const style = styleOf.get(call.agentId) ?? 'unknown';
      shares.set(style, [...(shares.get(style) ?? []), agentWordShare(call.transcript)]);
    }
    const means = AGENT_STYLES.map((style) => mean(shares.get(style) ?? []));
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThanOrEqual(0.15);
    const byStyle = Object.fromEntries(AGENT_STYLES.map((style, i) => [style, means[i]]));
    expect(byStyle.talker).toBeGreaterThan(0.65);
    expect(byStyle.listener).toBeLessThan(0.45);
  });

  it('gives every outcome, trend and persona a share of the calls', () => {
    const outcomes = new Set(labeled.map(({ labels }) => labels.outcome));
    const trends = new Set(labeled.map(({ labels }) => labels.trend));
    const styles = new Set(labeled.map(({ labels }) => labels.style));
    expect(outcomes.size).toBe(5);
    expect(trends.size).toBe(3);
    expect(styles.size).toBe(AGENT_STYLES.length);
  });

  it('ends won English calls warmly and lost ones coldly', () => {
    // Consecutive lines of one speaker are one utterance, as in the contract.
    const lastCustomerLine = (transcript: string): string => {
      const turns: { role: string; text: string }[] = [];
      for (const { role, text } of speakerLines(transcript)) {
        const last = turns.at(-1);
        if (last?.role === role) last.text += ` ${text}`;
        else turns.push({ role, text });
      }
      return turns.filter((turn) => turn.role === 'customer').at(-1)?.text ?? '';
    };
    const english = labeled.filter(({ call }) => call.language === 'en');
    const won = english.filter(({ labels }) => labels.outcome === 'won' && !labels.short);
    const lost = english.filter(({ labels }) => labels.outcome === 'lost');
    expect(won.length).toBeGreaterThan(20);
    expect(lost.length).toBeGreaterThan(20);
    for (const { call } of won) expect(lastCustomerLine(call.transcript)).toMatch(/happy|ready|exactly|sign|let's|perfect|great/i);
    for (const { call } of lost) expect(lastCustomerLine(call.transcript)).toMatch(/expensive|too high|competitor|decided|not|isn't|fit/i);
  });

  it('adds third speakers to about a tenth of calls, plus continuation lines and near-empty turns', () => {
    const withOther = calls.filter((call) => speakerLines(call.transcript).some((line) => line.prefixed && line.role === 'other'));
    expect(withOther.length / calls.length).toBeGreaterThan(0.05);
    expect(withOther.length / calls.length).toBeLessThan(0.15);
    const lines = calls.flatMap((call) => speakerLines(call.transcript));
    expect(lines.some((line) => !line.prefixed)).toBe(true);
    expect(lines.some((line) => line.prefixed && line.text.replace(/[^\p{L}]/gu, '').length <= 6)).toBe(true);
  });

  it('labels third speakers the way the contract writes a name', () => {
    const labels = new Set<string>();
    for (const call of calls) {
      for (const line of call.transcript.split('\n')) {
        const label = /^([^:]{1,40}):(?: |$)/.exec(line)?.[1];
        if (label && label !== 'Agent' && label !== 'Customer') labels.add(label);
      }
    }
    expect(labels.size).toBeGreaterThan(5);
    for (const label of labels) expect(label).toMatch(/^\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,3}$/u);
  });
});
