import type { PhraseBank } from './phrases/types.js';
import { Rng } from './prng.js';

/** The company the agents sell for. */
export const VENDOR = 'Pulsewave';

const PRODUCTS = ['Pulsewave Engage', 'Pulsewave Insights', 'Pulsewave Coach', 'the Growth plan', 'the Enterprise plan'];
/** Fictional, so analytics never looks like a statement about a real company. */
const COMPETITORS = ['Callgenix', 'Voxly', 'TalkMetrics', 'SalesLoom', 'Ringlytic', 'Dialstream'];
const INTEGRATIONS = ['Salesforce', 'HubSpot', 'Slack', 'Zendesk', 'Microsoft Teams', 'Pipedrive', 'Zoom'];
const CERTIFICATIONS = ['SOC 2 Type II', 'ISO 27001'];
const SEAT_PRICES = [19, 29, 39, 49, 59, 79, 99, 129, 149];
const SLOT = /\{(\w+)\}/g;

/** Values for one call, so a call names the same competitor and price throughout. */
export type Slots = Readonly<Record<string, string>>;

export interface SlotPeople {
  agentFirstName: string;
  contactFirstName: string;
  company: string;
}

function groupDigits(value: number, separator: string): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

export function buildSlots(rng: Rng, bank: PhraseBank, people: SlotPeople): Slots {
  const price = rng.pick(SEAT_PRICES);
  const seats = Math.round(5 + 395 * rng.next() ** 2);
  const total = Math.max(1, Math.round((price * seats * 12) / 100)) * 100;
  return {
    agent: people.agentFirstName,
    contact: people.contactFirstName,
    company: people.company,
    vendor: VENDOR,
    product: rng.pick(PRODUCTS),
    competitor: rng.pick(COMPETITORS),
    integration: rng.pick(INTEGRATIONS),
    cert: rng.pick(CERTIFICATIONS),
    price: bank.money(String(price)),
    total: bank.money(groupDigits(total, bank.thousands)),
    seats: String(seats),
    discount: String(5 * rng.int(1, 5)),
    day: rng.pick(bank.weekdays),
    weeks: String(rng.int(2, 8)),
    months: String(rng.int(1, 6)),
  };
}

export function fillSlots(template: string, slots: Slots): string {
  if (!template.includes('{')) return template;
  return template.replace(SLOT, (match, key: string) => slots[key] ?? match);
}
