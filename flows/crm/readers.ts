import type { ParseContext, ParseResult, SentenceReader } from '../../src/bot/flow.js';
import type { Dimension } from './analytics.js';
import { readCustomerName, readNewCustomer } from './read-customer.js';
import { readFollowUp } from './read-follow-up.js';
import { readClaim, readFieldCheckIn, readRelease } from './read-pool.js';
import { readResolve, readTicket } from './read-ticket.js';

/** Lists: the sentence only picks the command ("我名下还有哪些客户"); there is nothing to read. */
const nothing = (): ParseResult<Record<string, never>> => ({ args: {} });

/** The words that pick a breakdown, the first one written wins; none → by city (as the grammar). */
const DIMENSIONS: [RegExp, Dimension][] = [
  [/城市|地区|哪里|哪儿|(?<![A-Za-z])(?:cit(?:y|ies)|regions?|where|locations?)(?![A-Za-z])/iu, 'city'],
  [/年龄|岁数|多大|(?<![A-Za-z])(?:ages?|how old)(?![A-Za-z])/iu, 'age'],
  [/行业|(?<![A-Za-z])(?:industr(?:y|ies)|sectors?)(?![A-Za-z])/iu, 'industry'],
  [/阶段|漏斗|(?<![A-Za-z])(?:stages?|pipeline|funnel)(?![A-Za-z])/iu, 'stage'],
  [/负责人|销售|谁负责|(?<![A-Za-z])(?:owners?|owns|salesperson|reps?)(?![A-Za-z])/iu, 'owner'],
  [/流失|丢单|输单|原因|(?<![A-Za-z])(?:lost|reasons?|churn)(?![A-Za-z])/iu, 'lost_reason'],
];

function readBreakdown(text: string, _ctx: ParseContext): ParseResult<{ by: Dimension }> {
  const at = DIMENSIONS.map(([re, by]) => ({ by, index: re.exec(text)?.index ?? -1 }))
    .filter((d) => d.index >= 0)
    .sort((a, b) => a.index - b.index);
  return { args: { by: at[0]?.by ?? 'city' } };
}

/** Free sentences read into this flow's command arguments (the grammar's parse stays the exact path). */
export const readers: Record<string, SentenceReader> = {
  'crm.customer.create': readNewCustomer,
  'crm.customer.show': readCustomerName,
  'crm.customers.mine': nothing,
  'crm.followUp': readFollowUp,
  'crm.visit.checkIn': readFieldCheckIn,
  'crm.followUps.due': nothing,
  'crm.followUps.trend': nothing,
  'crm.pool.list': nothing,
  'crm.pool.claim': readClaim,
  'crm.pool.release': readRelease,
  'crm.ticket.create': readTicket,
  'crm.ticket.resolve': readResolve,
  'crm.analytics': readBreakdown,
};
