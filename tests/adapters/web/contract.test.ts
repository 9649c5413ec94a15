import type { Button, Reply } from '../../../src/bot/types.js';
import { useTestApp } from '../../helpers/app.js';
import { testNow } from '../../helpers/clock.js';
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
 * The web chat's JSON API, the way its page uses it: what a person sent is answered in the
 * HTTP response, everything else (notifications, updated copies) lands in their inbox.
 */
function webHarness(): AdapterHarness<Button, never> {
  const app = useTestApp();
  const answers: { person: Person; at: number; seen: Seen<Button> }[] = [];
  const keep = (person: Person, res: { status: number; json: { replies?: Reply[] } }) => {
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.json)}`);
    const at = testNow().getTime();
    for (const reply of res.json.replies ?? [])
      answers.push({ person, at, seen: seen(`answer:${answers.length}`, reply) });
  };
  return {
    async say(person, text, deliveryId) {
      keep(
        person,
        await app.current.post('/web/api/messages', { employee: email(person), text, messageId: deliveryId }),
      );
    },
    async click(person, button, deliveryId) {
      const { actionId, value, locale } = button.handle;
      const body = { employee: email(person), actionId, value, locale, eventId: deliveryId };
      keep(person, await app.current.post('/web/api/actions', body));
    },
    async messages(person) {
      const inbox = await app.current.get(`/web/api/inbox?employee=${email(person)}`);
      const notified = (inbox.json.messages as { id: string; at: string; reply: Reply }[]).map((m) => ({
        at: Date.parse(m.at),
        seen: seen(m.id, m.reply),
      }));
      return [...answers.filter((a) => a.person === person), ...notified]
        .sort((a, b) => a.at - b.at)
        .map((m) => m.seen);
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
