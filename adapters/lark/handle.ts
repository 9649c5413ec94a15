import { homeAsCard } from '../../src/bot/home.js';
import { coreText } from '../../src/bot/i18n.js';
import type { Card, CardAction, Incoming, Outcome, Reply } from '../../src/bot/types.js';
import type { Clock } from '../../src/clock.js';
import type { Logger } from '../../src/logger.js';
import type { LarkApi } from './api.js';
import { toLarkCard } from './render.js';
import { type LarkEventData, tenantOf, toCardAction, toIncoming } from './to-incoming.js';

export type HandlerDeps = {
  api: LarkApi;
  dispatch(incoming: Incoming): Promise<Outcome>;
  act(action: CardAction): Promise<Outcome>;
  /** A person's home (the bot menu's card); null for someone who is not an employee. */
  home?(sender: {
    platform: 'lark';
    tenant: string;
    platformUserId: string;
    lookupEmail(): Promise<string | null>;
  }): Promise<{ title: string; sections: Card[] } | null>;
  /** Runs work after the HTTP answer; the adapter waits for it on stop. */
  background(task: () => Promise<unknown>): void;
  log: Logger;
  now: Clock;
  /** How long a click may take before we answer `{}` and update the card later instead. */
  clickBudgetMs: number;
};

type Toast = { type: 'info' | 'success' | 'error' | 'warning'; content: string };
const INVALID_BUTTON = `${coreText.unknownAction['zh-CN']} / ${coreText.unknownAction.en}`;
const LATE = Symbol('late');

/**
 * Event and card-callback handlers. Messages are acked at once and answered by API; a click is
 * answered in the callback response when the router is quick, else by PATCH once it is done —
 * never both, so the two updates cannot race (platforms/README.md pitfalls).
 */
export function createLarkHandler(deps: HandlerDeps) {
  const { api, log } = deps;

  function onMessage(data: LarkEventData): Record<string, never> {
    deps.background(() => handleMessage(data));
    return {};
  }

  async function handleMessage(data: LarkEventData): Promise<void> {
    const message = data.message as { chat_type?: string } | undefined;
    const bot = message?.chat_type === 'p2p' ? null : await api.bot();
    const incoming = toIncoming(data, bot, deps.now());
    if (!incoming) return;
    const openId = incoming.platformUserId;
    const outcome = await deps.dispatch({ ...incoming, lookupEmail: () => api.email(openId) });
    if (outcome.kind !== 'replies' && outcome.kind !== 'unknown-user') return;
    for (const reply of outcome.replies) await api.send('chat_id', incoming.chat.id, reply);
  }

  /** `classic`: the old callback, answered with bare card JSON; `v2`: `card.action.trigger`. */
  async function onCardAction(data: LarkEventData, shape: 'classic' | 'v2'): Promise<unknown> {
    const parsed = toCardAction(data);
    if ('error' in parsed) {
      log.warn({ reason: parsed.error }, 'lark card action refused');
      return respond(shape, { toast: { type: 'error', content: INVALID_BUTTON } });
    }
    const action: CardAction = { ...parsed, lookupEmail: () => api.email(parsed.platformUserId) };
    const work = deps.act(action);
    const outcome = await Promise.race([work, delay(deps.clickBudgetMs).then(() => LATE)]);
    if (outcome === LATE) {
      deps.background(() => work.then((late) => deliverLate(late, action)));
      return {};
    }
    return respondNow(outcome as Outcome, action, shape);
  }

  function respondNow(outcome: Outcome, action: CardAction, shape: 'classic' | 'v2'): unknown {
    if (outcome.kind === 'duplicate') return {};
    if (outcome.kind === 'form' || outcome.kind === 'invalid') return {};
    const [card, ...moreCards] = outcome.replies.filter((r) => 'card' in r);
    const texts = outcome.replies.filter((r): r is { text: string } => 'text' in r).map((r) => r.text);
    const toast: Toast | undefined = texts.length
      ? { type: outcome.kind === 'unknown-user' ? 'error' : 'info', content: texts.join('\n') }
      : undefined;
    // the classic callback has room for a card or a toast; a text that loses its place goes by message
    const sendLater: Reply[] = [
      ...moreCards,
      ...(shape === 'classic' && card ? texts.map((text) => ({ text })) : []),
    ];
    if (sendLater.length) deps.background(() => sendAll(action.platformUserId, sendLater));
    return respond(shape, { toast, card: card && 'card' in card ? toLarkCard(card.card) : undefined });
  }

  /** Past the budget the callback got `{}`: the clicked card is updated by PATCH, the rest sent. */
  async function deliverLate(outcome: Outcome, action: CardAction): Promise<void> {
    if (outcome.kind !== 'replies' && outcome.kind !== 'unknown-user') return;
    const [first, ...rest] = outcome.replies;
    if (first && 'card' in first && action.message) await api.patch(action.message.messageId, first);
    else if (first) rest.unshift(first);
    await sendAll(action.platformUserId, rest);
  }

  async function sendAll(openId: string, replies: Reply[]): Promise<void> {
    for (const reply of replies) await api.send('open_id', openId, reply);
  }

  /**
   * `application.bot.menu_v6`: any item of the bot's menu sends the person their home as one
   * card (Lark has no home tab); it is as fresh as the click that asked for it.
   */
  function onMenu(data: LarkEventData): Record<string, never> {
    const operator = data.operator as { operator_id?: { open_id?: string } } | undefined;
    const openId = operator?.operator_id?.open_id;
    const home = deps.home;
    if (!openId || !home) return {};
    deps.background(async () => {
      const built = await home({
        platform: 'lark',
        tenant: tenantOf(data),
        platformUserId: openId,
        lookupEmail: () => api.email(openId),
      });
      if (built) await api.send('open_id', openId, { card: homeAsCard(built.title, built.sections) });
    });
    return {};
  }

  return { onMessage, onCardAction, onMenu };
}

function respond(shape: 'classic' | 'v2', r: { toast?: Toast; card?: unknown }): unknown {
  if (shape === 'classic') return r.card ?? (r.toast ? { toast: r.toast } : {});
  return {
    ...(r.toast ? { toast: r.toast } : {}),
    ...(r.card ? { card: { type: 'raw', data: r.card } } : {}),
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((res) => setTimeout(res, ms).unref());
}
