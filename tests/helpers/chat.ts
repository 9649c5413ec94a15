import type { Button, Card, Reply } from '../../src/bot/types.js';
import type { TestApp } from './app.js';

export const demo = (user: string) => `${user}@demo.example`;

/** A person talking to the bot through the web chat API, as tests read it. */
export function chatAs(app: { current: TestApp }) {
  const say = async (user: string, text: string): Promise<Reply[]> => {
    const res = await app.current.post('/web/api/messages', { employee: demo(user), text });
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.json)}`);
    return res.json.replies;
  };
  const click = async (user: string, actionId: string, value: string): Promise<Reply[]> => {
    const res = await app.current.post('/web/api/actions', { employee: demo(user), actionId, value });
    return res.json.replies;
  };
  /** Clicks a button the way the web page does: its id, value and locale as the reply gave them. */
  const press = async (user: string, button: Button): Promise<Reply[]> => {
    const { actionId, value, locale } = button;
    const res = await app.current.post('/web/api/actions', { employee: demo(user), actionId, value, locale });
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.json)}`);
    return res.json.replies;
  };
  const inbox = async (user: string): Promise<Reply[]> => {
    const res = await app.current.get(`/web/api/inbox?employee=${demo(user)}`);
    return res.json.messages.map((m: { reply: Reply }) => m.reply);
  };
  const cards = async (user: string): Promise<Card[]> =>
    (await inbox(user)).flatMap((r) => ('card' in r ? [r.card] : []));
  return { say, click, press, inbox, cards };
}

export const textOf = (replies: Reply[]) =>
  replies.map((r) => ('text' in r ? r.text : r.card.title)).join('\n');
export const cardOf = (replies: Reply[]): Card => {
  const found = replies.find((r): r is { card: Card } => 'card' in r);
  if (!found) throw new Error(`no card in ${JSON.stringify(replies)}`);
  return found.card;
};
/** The request number on a card title ("请假 AP-1001 · 张敏"). */
export const noOf = (card: Card) => /AP-\d+/.exec(card.title)?.[0] ?? '';
