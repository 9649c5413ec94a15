import type { Button, Reply } from '../../../src/bot/types.js';
import { useTestApp } from '../../helpers/app.js';
import { type AdapterHarness, type Person, runAdapterContract, type Seen } from '../contract.js';

const email = (person: Person) => `${person}@demo.example`;

function seen(id: string, reply: Reply): Seen<Button> {
  if ('text' in reply) return { id, title: '', text: reply.text, buttons: [] };
  const { title, subtitle, fields, body, actions } = reply.card;
  return {
    id,
    title,
    text: [title, subtitle ?? '', ...fields.flat(), body ?? ''].join('\n'),
    buttons: actions.map((b) => ({ actionId: b.actionId, value: b.value, label: b.label, handle: b })),
  };
}

/**
 * The web chat's JSON API, the way its page uses it: everything said to a person, answers and
 * notifications alike, is in their conversation, where an updated card replaces its old copy.
 */
function webHarness(): AdapterHarness<Button, never> {
  const app = useTestApp();
  const ok = (res: { status: number; json: unknown }) => {
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.json)}`);
  };
  return {
    async say(person, text, deliveryId) {
      ok(
        await app.current.post('/web/api/messages', { employee: email(person), text, messageId: deliveryId }),
      );
    },
    async click(person, button, deliveryId) {
      const { actionId, value, locale } = button.handle;
      const body = { employee: email(person), actionId, value, locale, eventId: deliveryId };
      ok(await app.current.post('/web/api/actions', body));
    },
    async messages(person) {
      const history = await app.current.get(`/web/api/history?employee=${email(person)}`);
      return (history.json.entries as { id: number; from: string; reply: Reply }[])
        .filter((e) => e.from !== 'me')
        .map((e) => seen(String(e.id), e.reply));
    },
  };
}

runAdapterContract({
  name: 'web chat',
  makeHarness: webHarness,
  skip: {
    signature: 'the web chat has no platform signing its requests (a local tool for trying the bot)',
    form: 'the web chat opens no forms yet: a button that needs one answers with how to type it',
  },
});
