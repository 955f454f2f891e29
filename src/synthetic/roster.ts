import { base, de, en, es, Faker, fr, type LocaleDefinition } from '@faker-js/faker';
import { pickLanguage } from './languages.js';
import { deriveSeed, Rng } from './prng.js';
import { AGENT_STYLES, type AgentStyle, type Language } from './types.js';

export interface SyntheticAgent {
  agentId: string;
  name: string;
  firstName: string;
  style: AgentStyle;
}

export interface SyntheticCustomer {
  customerId: string;
  /** The account (company) name. */
  name: string;
  /** First name of the person on the calls. */
  contactFirstName: string;
  /** Most of the account's calls are in this language. */
  language: Language;
  /** Index of the agent who owns the account. */
  ownerAgent: number;
}

const STREAM_AGENT = 1;
const STREAM_CUSTOMER = 2;
const STREAM_STYLES = 3;
/** Customers are cheap to rebuild; the cache only avoids re-seeding faker for busy accounts. */
const CUSTOMER_CACHE_LIMIT = 20_000;
const LOCALES: Readonly<Record<Language, LocaleDefinition>> = { en, es, fr, de };

export function formatAgentId(index: number): string {
  return `AGENT-${String(index + 1).padStart(3, '0')}`;
}

export function formatCustomerId(index: number): string {
  return `CUST-${String(index + 1).padStart(5, '0')}`;
}

/** Names must stay safe inside transcript lines, where a colon starts a speaker. */
function clean(name: string): string {
  return name.replace(/[:\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The agents and customers of one seed. Agent j and customer k depend only on
 * (seed, j) and (seed, k), so the same id always gets the same name.
 */
export class Roster {
  readonly agents: readonly SyntheticAgent[];
  private readonly fakers = new Map<Language, Faker>();
  private readonly customerCache = new Map<number, SyntheticCustomer>();
  private readonly cumulativeAgentWeight: Float64Array;

  constructor(
    private readonly seed: number,
    agentCount: number,
    readonly customerCount: number,
  ) {
    const styles = new Rng(deriveSeed(seed, STREAM_STYLES)).shuffle(AGENT_STYLES);
    const agents: SyntheticAgent[] = [];
    this.cumulativeAgentWeight = new Float64Array(agentCount);
    let total = 0;
    for (let i = 0; i < agentCount; i++) {
      const rng = new Rng(deriveSeed(seed, STREAM_AGENT, i));
      agents.push(this.makeAgent(rng, i, styles[i % styles.length]));
      total += 0.5 + rng.next();
      this.cumulativeAgentWeight[i] = total;
    }
    this.agents = agents;
  }

  customer(index: number): SyntheticCustomer {
    let customer = this.customerCache.get(index);
    if (customer) return customer;
    if (this.customerCache.size >= CUSTOMER_CACHE_LIMIT) this.customerCache.clear();
    customer = this.makeCustomer(index);
    this.customerCache.set(index, customer);
    return customer;
  }

  /** Skewed towards low indexes: a few big accounts call often, most rarely. */
  pickCustomer(rng: Rng): SyntheticCustomer {
    const index = Math.min(this.customerCount - 1, Math.floor(this.customerCount * rng.next() ** 1.6));
    return this.customer(index);
  }

  /** Usually the account owner; otherwise any agent, busier agents more often. */
  pickAgent(rng: Rng, customer: SyntheticCustomer): SyntheticAgent {
    if (rng.chance(0.65)) return this.agents[customer.ownerAgent];
    const weights = this.cumulativeAgentWeight;
    const roll = rng.next() * weights[weights.length - 1];
    let low = 0;
    let high = weights.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (weights[mid] > roll) high = mid;
      else low = mid + 1;
    }
    return this.agents[low];
  }

  private makeAgent(rng: Rng, index: number, style: AgentStyle): SyntheticAgent {
    const faker = this.faker(pickLanguage(rng));
    faker.seed(rng.int(0, 0x7fffffff));
    const firstName = clean(faker.person.firstName());
    const name = `${firstName} ${clean(faker.person.lastName())}`;
    return { agentId: formatAgentId(index), name, firstName, style };
  }

  private makeCustomer(index: number): SyntheticCustomer {
    const rng = new Rng(deriveSeed(this.seed, STREAM_CUSTOMER, index));
    const language = pickLanguage(rng);
    const ownerAgent = rng.int(0, this.agents.length - 1);
    const faker = this.faker(language);
    faker.seed(rng.int(0, 0x7fffffff));
    const name = clean(faker.company.name());
    const contactFirstName = clean(faker.person.firstName());
    return { customerId: formatCustomerId(index), name, contactFirstName, language, ownerAgent };
  }

  private faker(language: Language): Faker {
    let faker = this.fakers.get(language);
    if (!faker) {
      faker = new Faker({ locale: [LOCALES[language], en, base] });
      this.fakers.set(language, faker);
    }
    return faker;
  }
}

/** The agents of a seed, e.g. to upsert them or to group calls by persona. */
export function syntheticAgents(seed: number, count: number): SyntheticAgent[] {
  return [...new Roster(seed, count, 1).agents];
}
