import { useTestApp } from '../../helpers/app.js';
import { click, dm, interact, SLACK_USERS, slackEnv, TEAM, useSlackStub } from '../../helpers/slack.js';
import { inputState } from '../../helpers/slack-modal.js';
import { type AdapterHarness, PEOPLE, type Person, runAdapterContract, type Seen } from '../contract.js';

// Block Kit as far as the harness reads it back.
type TextObject = { type: string; text: string };
type Element = {
  type: string;
  text?: TextObject | string;
  action_id?: string;
  value?: string;
  initial_value?: string;
  initial_date?: string;
  initial_option?: { value: string };
};
type Block = {
  type: string;
  block_id?: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: Element[];
  element?: Element;
};
type Modal = { title: TextObject; private_metadata: string; blocks: Block[] };

type SlackButton = { actionId: string; value: string; channel: string; ts: string };
type SlackForm = { viewId: string; view: Modal };

/** render.ts puts `#<index>[:<locale>]` after the action id, and a status icon before the title. */
const SUFFIX = /#\d+(?::[A-Za-z-]+)?$/;
const ICON = /^\p{Extended_Pictographic}\uFE0F? /u;
const textOf = (t: TextObject | string | undefined) => (typeof t === 'string' ? t : (t?.text ?? ''));

function seen(ts: string, channel: string, message: { text: string; blocks?: Block[] }): Seen<SlackButton> {
  const blocks = message.blocks ?? [];
  const buttons = blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => {
      const actionId = e.action_id ?? '';
      const value = e.value ?? '';
      return {
        actionId: actionId.replace(SUFFIX, ''),
        value,
        label: textOf(e.text),
        handle: { actionId, value, channel, ts },
      };
    });
  const texts = blocks
    .filter((b) => b.type !== 'actions')
    .flatMap((b) => [b.text, ...(b.fields ?? []), ...(b.elements ?? []).map((e) => e.text)].map(textOf));
  const header = blocks.find((b) => b.type === 'header');
  return {
    id: ts,
    title: header ? textOf(header.text).replace(ICON, '') : '',
    text: blocks.length > 0 ? texts.filter(Boolean).join('\n') : message.text,
    buttons,
  };
}

/**
 * Slack through the Events API and interactivity, signed; replies are read back from the Web API
 * stub: posts in the person's DM or to their user id, ephemerals to them, and later chat.update
 * calls applied to the message they replace.
 */
function slackHarness(): AdapterHarness<SlackButton, SlackForm> {
  const stub = useSlackStub();
  const app = useTestApp(slackEnv(stub));
  const base = () => app.current.url;
  const userOf = Object.fromEntries(
    PEOPLE.map((p) => [p, Object.keys(SLACK_USERS).find((id) => SLACK_USERS[id] === `${p}@demo.example`)]),
  ) as Record<Person, string>;
  /** Who clicked the button a trigger id came with: views.open names only the trigger. */
  const triggers = new Map<string, Person>();
  const ok = <T extends { status: number; text: string }>(res: T): T => {
    if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
    return res;
  };

  return {
    async say(person, text, deliveryId) {
      ok(await dm(base(), userOf[person], text, deliveryId));
    },
    async click(person, button, deliveryId) {
      const { actionId, value, channel, ts } = button.handle;
      const triggerId = `trigger-${deliveryId}`;
      triggers.set(triggerId, person);
      const payload = click(
        userOf[person],
        actionId,
        value,
        { channel, ts },
        { actionTs: deliveryId, triggerId },
      );
      ok(await interact(base(), payload));
    },
    async messages(person) {
      const user = userOf[person];
      const mine = [user, `D${user.slice(1)}`];
      const shown = new Map<string, Seen<SlackButton>>();
      for (const call of stub.current.calls) {
        const { args, result } = call;
        if (!result) continue;
        if (call.method === 'chat.postMessage' && mine.includes(args.channel))
          shown.set(result.ts, seen(result.ts, result.channel, args as never));
        else if (call.method === 'chat.postEphemeral' && args.user === user)
          shown.set(result.message_ts, seen(result.message_ts, args.channel, args as never));
        else if (call.method === 'chat.update' && shown.has(args.ts))
          shown.set(args.ts, seen(args.ts, args.channel, args as never));
      }
      return [...shown.values()];
    },
    async forge(person, text) {
      const res = await dm(base(), userOf[person], text, `forged-${text}`, {
        secret: 'not-the-signing-secret',
      });
      return res.status;
    },
    forms: {
      async opened(person) {
        return stub.current.calls
          .filter((c) => c.method === 'views.open' && c.result && triggers.get(c.args.trigger_id) === person)
          .map((c) => {
            const view = c.args.view as Modal;
            return {
              title: view.title.text,
              fields: view.blocks.map((b) => b.block_id ?? ''),
              handle: { viewId: String(c.result?.view.id), view },
            };
          });
      },
      async submit(person, form, values) {
        const { viewId, view } = form.handle;
        const state = Object.fromEntries(
          view.blocks.map((b) => [
            b.block_id,
            { value: inputState(b.element ?? { type: 'plain_text_input' }, values[b.block_id ?? '']) },
          ]),
        );
        const user = userOf[person];
        const res = ok(
          await interact(base(), {
            type: 'view_submission',
            team: { id: TEAM, domain: 'demo' },
            user: { id: user, username: user.toLowerCase(), team_id: TEAM },
            view: {
              id: viewId,
              type: 'modal',
              callback_id: 'form',
              private_metadata: view.private_metadata,
              state: { values: state },
            },
          }),
        );
        const ack = res.json as { response_action?: string; errors?: Record<string, string> } | null;
        return ack?.response_action === 'errors' ? (ack.errors ?? {}) : null;
      },
    },
  };
}

runAdapterContract({ name: 'Slack', makeHarness: slackHarness });
