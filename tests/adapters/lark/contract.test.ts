import { useTestApp } from '../../helpers/app.js';
import {
  cardTriggerEvent,
  type LarkCall,
  messageEvent,
  postLarkEvent,
  useLarkStub,
} from '../../helpers/lark.js';
import { type AdapterHarness, PEOPLE, type Person, runAdapterContract, type Seen } from '../contract.js';

// A Lark card as far as the harness reads it back (render.ts writes it).
type Text = { content: string };
type Element = {
  tag: string;
  text?: Text;
  fields?: { text: Text }[];
  actions?: { text: Text; value: { actionId: string; value: string } }[];
};
type LarkCard = { header: { title: Text }; elements: Element[] };

type LarkButton = { value: unknown; messageId: string };

const TOKEN = 'verification-token-contract';
const openId = (person: Person) => `ou_${person.split('.')[0]}`;

function seenCard(id: string, card: LarkCard): Seen<LarkButton> {
  const title = card.header.title.content.trim();
  const texts = card.elements.flatMap((e) => [
    e.text?.content ?? '',
    ...(e.fields ?? []).map((f) => f.text.content),
  ]);
  const buttons = card.elements
    .flatMap((e) => e.actions ?? [])
    .map((a) => ({
      actionId: a.value.actionId,
      value: a.value.value,
      label: a.text.content,
      handle: { value: a.value, messageId: id },
    }));
  return { id, title, text: [title, ...texts].filter(Boolean).join('\n'), buttons };
}

/** An `im/v1/messages` body: a card, or `{"text": …}`. */
function seenSent(id: string, body: { msg_type: string; content: string }): Seen<LarkButton> {
  const content = JSON.parse(body.content);
  if (body.msg_type === 'interactive') return seenCard(id, content);
  return { id, title: '', text: String(content.text), buttons: [] };
}

/**
 * Lark through its event and card-callback URLs, with the verification token; replies are read
 * back from the Open API stub (messages sent to the person or their p2p chat, PATCHes of them)
 * and from the callbacks' own answers (a card replacing the clicked one, a toast).
 */
function larkHarness(): AdapterHarness<LarkButton, never> {
  const env: Record<string, string> = {
    LARK_APP_ID: 'cli_contract',
    LARK_APP_SECRET: 'secret-contract',
    LARK_VERIFICATION_TOKEN: TOKEN,
  };
  const stub = useLarkStub(env, Object.fromEntries(PEOPLE.map((p) => [openId(p), `${p}@demo.example`])));
  const app = useTestApp(env);
  /** Callback answers, each applied after the API calls made before it came back. */
  const answers: { after: number; person: Person; seen: Seen<LarkButton> }[] = [];
  const post = async (payload: unknown) => {
    const res = await postLarkEvent(app.current.url, '/lark/events', payload);
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.json)}`);
    return res.json as { card?: { data: LarkCard }; toast?: { content: string } };
  };

  return {
    async say(person, text, deliveryId) {
      await post(messageEvent({ token: TOKEN, openId: openId(person), text, eventId: deliveryId }));
    },
    async click(person, button, deliveryId) {
      const { value, messageId } = button.handle;
      const answer = await post(cardTriggerEvent(TOKEN, openId(person), value, messageId, deliveryId));
      const after = stub.current.calls.length;
      if (answer.card) answers.push({ after, person, seen: seenCard(messageId, answer.card.data) });
      if (answer.toast) {
        const text = answer.toast.content;
        answers.push({ after, person, seen: { id: `toast:${deliveryId}`, title: '', text, buttons: [] } });
      }
    },
    async messages(person) {
      const to = [openId(person), `oc_p2p_${openId(person)}`];
      const shown = new Map<string, Seen<LarkButton>>();
      const calls: (LarkCall | undefined)[] = [...stub.current.calls, undefined];
      calls.forEach((call, i) => {
        for (const a of answers) if (a.person === person && a.after === i) shown.set(a.seen.id, a.seen);
        if (call?.method === 'POST' && call.messageId && to.includes(call.body?.receive_id))
          shown.set(call.messageId, seenSent(call.messageId, call.body));
        const patched = call?.method === 'PATCH' ? call.path.split('/').at(-1) : undefined;
        if (call && patched && shown.has(patched))
          shown.set(patched, seenCard(patched, JSON.parse(call.body.content)));
      });
      return [...shown.values()];
    },
    async forge(person, text) {
      const forged = messageEvent({ token: 'not-the-verification-token', openId: openId(person), text });
      return (await postLarkEvent(app.current.url, '/lark/events', forged)).status;
    },
  };
}

runAdapterContract({
  name: 'Lark',
  makeHarness: larkHarness,
  skip: {
    form: 'Lark cards open no forms in this adapter yet: a button that needs one answers with how to type it',
  },
});
