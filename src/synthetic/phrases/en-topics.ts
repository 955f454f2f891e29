import type { Topic } from '../types.js';
import type { TopicPhrases } from './types.js';

/** English topic phrases; every line names its topic's vocabulary. */
export const enTopics: Readonly<Record<Topic, TopicPhrases>> = {
  pricing: {
    agent: [
      'Our pricing is {price} per seat per month, billed annually.',
      'For {seats} seats the total cost comes to about {total} per year.',
      'The Enterprise tier costs a bit more but includes advanced reporting.',
      'Most teams your size land around {total} a year in total cost.',
    ],
    customer: [
      'The price is higher than what we budgeted for.',
      'We have roughly {total} set aside in the budget this year.',
      'I need to understand the total cost before I take this to finance.',
      'How does the pricing work if we add more seats later?',
    ],
    question: [
      'What budget range are you working with this year?',
      'Does a price of {price} per seat work for your finance team?',
    ],
  },
  competitor: {
    agent: [
      'Compared to {competitor}, our call scoring is far more accurate than the competition.',
      'A lot of teams switch to us from {competitor} because of the reporting.',
      "I'd be happy to put together a side-by-side comparison with {competitor} and other competitors.",
    ],
    customer: [
      "We're also talking to another vendor, {competitor}, at the moment.",
      'Your competitor {competitor} offered us something similar for less.',
      'Our sister team already uses {competitor}, so the competition has a head start.',
    ],
    question: [
      'Which other vendors or competitors are you evaluating?',
      'What do you like about {competitor} compared to the other vendors?',
    ],
  },
  discount: {
    agent: [
      'I can offer a {discount}% discount if you sign a two-year term.',
      'If we close this quarter, I can get you {discount}% off the first year.',
      "There's also a startup discount we could look into.",
    ],
    customer: [
      'Is there any flexibility on a discount?',
      "We'd need at least {discount}% off to make this work.",
      'Other vendors gave us a much bigger discount.',
    ],
    question: [
      'Would a multi-year discount be interesting for you?',
      'If I could get you {discount}% off, would that help?',
    ],
  },
  churn: {
    agent: [
      'I understand you are thinking about cancelling, and I want to fix this before your renewal.',
      'Before you decide to cancel, let me show you what changed in the last release.',
      "We don't want to lose you, so let me see what I can do to keep you from cancelling.",
    ],
    customer: [
      "Honestly, we're considering cancelling our subscription.",
      'Our renewal is in {months} months and we might not renew.',
      "Half the team stopped using it, so we'll probably cancel at renewal.",
      'We might cancel and switch away if this keeps happening.',
    ],
    question: [
      'What would need to change for you to stay instead of cancelling?',
      'Is cancelling something you have already decided on?',
    ],
  },
  next_steps: {
    agent: [
      'As a next step, I will send a summary and a proposal by {day}.',
      "Let's schedule a follow-up demo with your team next {day}.",
      "I'll schedule thirty minutes with your IT lead as a technical follow-up.",
    ],
    customer: [
      "Send me the next steps in writing and I'll share them internally.",
      "Let's schedule a follow-up once I've spoken with my boss.",
      'Can we schedule a demo for the wider team next {day}?',
    ],
    question: [
      'What are the next steps on your side?',
      'Who else should join the follow-up call?',
    ],
  },
  onboarding: {
    agent: [
      'Onboarding usually takes about {weeks} weeks from kickoff to go-live.',
      'You get a dedicated onboarding manager and live training sessions for the team.',
      'We handle the setup and data import during onboarding, so your team does not have to.',
    ],
    customer: [
      "Our last tool had a painful onboarding, so I'm worried about the rollout.",
      'How much training will the reps need during onboarding?',
      'We need the onboarding finished before the new quarter starts.',
    ],
    question: [
      'Who would own the onboarding and rollout on your side?',
      'How many people need training in the first onboarding wave?',
    ],
  },
  integration: {
    agent: [
      'We have a native integration with {integration} that syncs every few minutes.',
      'Our open API lets your developers integrate with anything in-house.',
      'The {integration} integration takes about an hour to configure.',
    ],
    customer: [
      "Everything has to integrate with {integration}, that's non-negotiable.",
      'Our engineers are worried about maintaining another API integration.',
      'We had sync problems with the {integration} integration in our last tool.',
    ],
    question: [
      'Which systems would you need us to integrate with?',
      'Do you have developers who could help with the API integration?',
    ],
  },
  security: {
    agent: [
      'We are {cert} certified and all data is encrypted at rest and in transit.',
      'Single sign-on and role-based security permissions come standard.',
      'I can send over our security whitepaper and the latest penetration test summary.',
    ],
    customer: [
      'Our security team will need to review the questionnaire first.',
      'We need SSO and data encryption before anything goes live.',
      'Data residency in the EU is a hard security requirement for us.',
    ],
    question: [
      'Does your security team have a standard questionnaire we should fill in?',
      'Are there specific security certifications you require?',
    ],
  },
  legal: {
    agent: [
      'Our standard contract is a twelve-month agreement with a simple renewal clause.',
      'I can share our data processing agreement with your legal team today.',
      'Legal reviews usually go quickly since our contract terms are fairly standard.',
    ],
    customer: [
      'Legal will need to review the contract terms before we sign anything.',
      'Our lawyers flagged the liability clause in the contract.',
      'The legal review on our side can take a few weeks.',
    ],
    question: [
      'Who on your legal team should receive the contract?',
      'Are there any contract terms your legal team usually pushes back on?',
    ],
  },
  support: {
    agent: [
      'Our support team answers tickets within four hours on business days.',
      "I've escalated your ticket to our senior support engineers.",
      "You'll get a named contact on the support team and a direct line for urgent tickets.",
    ],
    customer: [
      'We opened a support ticket two weeks ago and nobody got back to us.',
      'The dashboard has been down twice this month and your support had no answer.',
      'Support has been slow and the bug is still not fixed.',
    ],
    question: [
      'Can you share the support ticket number so I can check on it?',
      'When did the issue first start happening, and did you open a support ticket?',
    ],
  },
};
