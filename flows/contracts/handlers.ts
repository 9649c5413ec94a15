import type mongoose from 'mongoose';
import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { announceSubmitted } from '../approvals/api.js';
import { resolveCustomer } from '../crm/api.js';
import { namesOf } from '../org/api.js';
import { canSeeContract, seesAllContracts, usesContracts, writesContracts } from './access.js';
import { contractCard, contractListCard } from './cards.js';
import { completeFromOrder } from './from-order.js';
import { m } from './messages.js';
import { money, outstanding } from './money.js';
import type { ContractDraft } from './plan.js';
import { contractsOfCustomer, contractsOwnedBy, getContract } from './read.js';
import { createContract, recordPayment } from './service.js';

export type PaymentArgs = { no: string; amount: number; currency?: string; day: string; note: string };

const CONTRACT_NO = /^HT-\d{4}-\d{4,}$/i;

async function ownerName(ownerId: mongoose.Types.ObjectId): Promise<string> {
  const names = await namesOf([ownerId]);
  return names.get(String(ownerId)) ?? '?';
}

/** The one customer a name leads to, or null once the asker is told why not (not theirs, none, several). */
async function oneCustomer(ctx: TurnContext, name: string, anyOwner = false) {
  const r = await resolveCustomer(name, ctx.person, true, anyOwner);
  if (r.kind === 'one') return r.customer;
  ctx.reply(
    r.kind === 'hidden'
      ? tr(ctx.locale, m.hidden, { name: r.customer.name })
      : r.kind === 'none'
        ? tr(ctx.locale, m.noCustomer, { name: r.name })
        : tr(ctx.locale, m.which, { name: r.name, names: r.candidates.map((c) => c.name).join('、') }),
  );
  return null;
}

export async function createAndTell(ctx: TurnContext, written: ContractDraft): Promise<void> {
  const { locale } = ctx;
  if (!writesContracts(ctx.person)) return ctx.reply(tr(locale, m.writersOnly));
  const completed = await completeFromOrder(written, locale);
  if ('problem' in completed) return ctx.reply(completed.problem);
  const { draft } = completed;
  const customer = await oneCustomer(ctx, draft.customer);
  if (!customer) return;
  const { contract, approval } = await createContract({
    draft,
    customer: { id: customer._id, name: customer.name, ownerId: customer.ownerId ?? null },
    creator: ctx.person,
    today: ctx.now.toISODate() ?? '',
    now: ctx.now.toJSDate(),
  });
  if (approval) await announceSubmitted(ctx, approval);
  const vars = {
    no: contract._id,
    customer: contract.customerName,
    amount: money(contract.amount, contract.currency),
  };
  ctx.reply(
    contract.status === 'awaiting_approval'
      ? tr(locale, m.createdWaiting, { ...vars, ap: contract.approvalNo })
      : tr(locale, m.created, vars),
  );
  ctx.reply({ card: contractCard(contract, await ownerName(contract.ownerId), locale) });
}

/** "合同 HT-2026-0001" → that contract; "合同 华为" → the customer's contracts the asker may see. */
export async function showContracts(ctx: TurnContext, text: string): Promise<void> {
  const { locale, person } = ctx;
  if (!usesContracts(person)) return ctx.reply(tr(locale, m.forbidden));
  if (CONTRACT_NO.test(text)) return showOne(ctx, text.toUpperCase());
  const customer = await oneCustomer(ctx, text, seesAllContracts(person));
  if (!customer) return;
  const visible = [];
  for (const c of await contractsOfCustomer(customer._id))
    if (await canSeeContract(c, person)) visible.push(c);
  if (visible.length === 0) return ctx.reply(tr(locale, m.noneForCustomer, { name: customer.name }));
  if (visible.length === 1 && visible[0])
    return ctx.reply({ card: contractCard(visible[0], await ownerName(visible[0].ownerId), locale) });
  ctx.reply({
    card: contractListCard(
      { 'zh-CN': `${customer.name} 的合同`, en: `Contracts of ${customer.name}` },
      visible,
      locale,
    ),
  });
}

export async function showOne(ctx: TurnContext, no: string): Promise<void> {
  const c = await getContract(no);
  if (!c) return ctx.reply(tr(ctx.locale, m.unknown, { no }));
  if (!(await canSeeContract(c, ctx.person))) return ctx.reply(tr(ctx.locale, m.notYours, { no }));
  ctx.reply({ card: contractCard(c, await ownerName(c.ownerId), ctx.locale) });
}

export async function showMine(ctx: TurnContext): Promise<void> {
  if (!usesContracts(ctx.person)) return ctx.reply(tr(ctx.locale, m.forbidden));
  const rows = await contractsOwnedBy(ctx.person.id);
  ctx.reply({ card: contractListCard({ 'zh-CN': '我的合同', en: 'My contracts' }, rows, ctx.locale) });
}

export async function payAndTell(ctx: TurnContext, args: PaymentArgs): Promise<void> {
  const { locale } = ctx;
  if (!usesContracts(ctx.person)) return ctx.reply(tr(locale, m.forbidden));
  const no = args.no.toUpperCase();
  const before = await getContract(no);
  if (before && args.currency && args.currency !== before.currency)
    return ctx.reply(tr(locale, m.currency, { no, currency: before.currency, got: args.currency }));
  const result = await recordPayment({
    no,
    actor: ctx.person,
    amount: args.amount,
    day: args.day,
    note: args.note,
    now: ctx.now.toJSDate(),
  });
  if (!result.ok) {
    const c = result.contract;
    const left = c ? money(outstanding(c), c.currency) : '';
    const amount = c ? money(args.amount, c.currency) : String(args.amount);
    const say = {
      not_found: m.unknown,
      forbidden: m.notYours,
      not_active: m.notActive,
      paid: m.alreadyPaid,
      too_much: m.tooMuch,
    }[result.refusal];
    return ctx.reply(tr(locale, say, { no, ap: c?.approvalNo ?? '', left, amount }));
  }
  const c = result.contract;
  const parts = result.applied.map((p) =>
    tr(locale, m.part, { n: p.n, amount: money(p.amount, c.currency) }),
  );
  ctx.reply(
    tr(locale, m.paid, {
      no,
      amount: money(args.amount, c.currency),
      parts: parts.join(locale === 'zh-CN' ? '，' : ', '),
      left: money(outstanding(c), c.currency),
    }),
  );
  if (c.status === 'paid') ctx.reply(tr(locale, m.paidInFull, { no }));
  ctx.reply({ card: contractCard(c, await ownerName(c.ownerId), locale) });
}
