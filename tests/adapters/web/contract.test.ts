import type { Button, Form, Reply } from '../../../src/bot/types.js';
import { useTestApp } from '../../helpers/app.js';
import {
  type AdapterHarness,
  type Person,
  runAdapterContract,
  type Seen,
  type SeenForm,
} from '../contract.js';

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
 * The web chat's JSON API, the way its page uses it (it says it draws forms): everything said to a
 * person, answers and notifications alike, is in their conversation, where an updated card
 * replaces its old copy. A form comes back in the answer to the click that opened it.
 */
function webHarness(): AdapterHarness<Button, Form> {
  const app = useTestApp();
  const opened = new Map<Person, SeenForm<Form>[]>();
  let submitted = 0;
  const ok = (res: { status: number; json: unknown }) => {
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.json)}`);
  };
  return {
    async say(person, text, deliveryId) {
      ok(
        await app.current.post('/web/api/messages', {
          employee: email(person),
          text,
          messageId: deliveryId,
          forms: true,
        }),
      );
    },
    async click(person, button, deliveryId) {
      const { actionId, value, locale } = button.handle;
      const body = { employee: email(person), actionId, value, locale, eventId: deliveryId, forms: true };
      const res = await app.current.post('/web/api/actions', body);
      ok(res);
      const form = res.json.form as Form | undefined;
      if (form)
        opened.set(person, [
          ...(opened.get(person) ?? []),
          { title: form.title, fields: form.fields.map((f) => f.name), handle: form },
        ]);
    },
    async messages(person) {
      const history = await app.current.get(`/web/api/history?employee=${email(person)}`);
      return (history.json.entries as { id: number; from: string; reply: Reply }[])
        .filter((e) => e.from !== 'me')
        .map((e) => seen(String(e.id), e.reply));
    },
    forms: {
      async opened(person) {
        return opened.get(person) ?? [];
      },
      async submit(person, form, values) {
        const initial = Object.fromEntries(form.handle.fields.map((f) => [f.name, f.initial ?? '']));
        const res = await app.current.post('/web/api/forms', {
          employee: email(person),
          intent: form.handle.intent,
          values: { ...initial, ...values },
          eventId: `form-${++submitted}`,
        });
        if (res.status === 422) return res.json.fields as Record<string, string>;
        ok(res);
        return null;
      },
    },
  };
}

runAdapterContract({
  name: 'web chat',
  makeHarness: webHarness,
  skip: {
    signature: 'the web chat has no platform signing its requests (a local tool for trying the bot)',
  },
});
