import { describe, expect, it } from 'vitest';
import { Employee } from '../../db/models/employee.js';
import { ProcessedEvent } from '../../db/models/processed-event.js';
import { useTestApp } from '../helpers/app.js';

const app = useTestApp();
const say = (employee: string, text: string, messageId?: string) =>
  app.current.post('/web/api/messages', { employee, text, messageId });

describe('web chat API over HTTP', () => {
  it('answers 帮助 in Chinese with a card of what it can do', async () => {
    const { status, json } = await say('li.wei@demo.example', '帮助');
    expect(status).toBe(200);
    const card = json.replies[0].card;
    expect(card.title).toBe('我能帮你做这些');
    expect(card.fields).toContainEqual(['帮助', '帮助']);
    expect(card.actions).toContainEqual({
      actionId: 'help.topic',
      label: '帮助',
      style: 'default',
      value: 'help',
      locale: 'zh-CN',
    });
  });

  it('answers help in English, even for a Chinese-locale person', async () => {
    const { json } = await say('zhang.min@demo.example', 'help');
    expect(json.replies[0].card.title).toBe('What I can do');
  });

  it('gives the usage of one command', async () => {
    const { json } = await say('alice.chen@demo.example', 'help whoami');
    expect(json.replies[0].card).toMatchObject({
      title: 'whoami',
      fields: expect.arrayContaining([['Usage', 'whoami']]),
    });
  });

  it('never stays silent on text it does not understand: the closest commands as buttons', async () => {
    const en = await say('bob.smith@demo.example', 'bake pizza for the team');
    const card = en.json.replies[0].card;
    expect(card.title).toBe('I didn\'t get "bake pizza for the team". Did you mean one of these?');
    expect(card.actions.length).toBeGreaterThan(0);
    const zh = await say('bob.smith@demo.example', '今天吃什么');
    expect(zh.json.replies[0].card.title).toBe('没看懂“今天吃什么”，是想做这些吗？');
    // a suggestion that needs nothing more runs when clicked
    const run = card.actions.find((a: { actionId: string }) => a.actionId === 'confirm.submit');
    if (run) {
      const clicked = await app.current.post('/web/api/actions', {
        employee: 'bob.smith@demo.example',
        actionId: run.actionId,
        value: run.value,
      });
      expect(clicked.json.replies.length).toBeGreaterThan(0);
    }
  });

  it('greets a hello with the help card', async () => {
    const hi = await say('bob.smith@demo.example', 'hi there');
    expect(hi.json.replies[0].text).toBe('Hi Bob Smith! Just tell me what you need, for example:');
    expect(hi.json.replies[1].card.title).toBe('What I can do');
  });

  it('handles a card button click', async () => {
    const { status, json } = await app.current.post('/web/api/actions', {
      employee: 'bob.smith@demo.example',
      actionId: 'help.topic',
      value: 'org',
    });
    expect(status).toBe(200);
    expect(json.replies[0].card).toMatchObject({ title: 'Me', fields: [['whoami', expect.any(String)]] });
    const stale = await app.current.post('/web/api/actions', {
      employee: 'bob.smith@demo.example',
      actionId: 'nope.x',
    });
    expect(stale.json.replies[0].text).toBe('This button is no longer valid.');
  });

  it('answers a retried message once', async () => {
    const first = await say('li.wei@demo.example', 'help', 'client-msg-1');
    const retry = await say('li.wei@demo.example', 'help', 'client-msg-1');
    expect(first.json.replies).toHaveLength(1);
    expect(retry.json).toEqual({ replies: [], duplicate: true });
  });

  it('rejects malformed bodies with 400 and unknown people with 404, writing nothing', async () => {
    const before = await ProcessedEvent.countDocuments({});
    const malformed = await app.current.post('/web/api/messages', '{not json');
    expect(malformed).toEqual({ status: 400, json: { error: 'body must be JSON' } });
    const noText = await app.current.post('/web/api/messages', {
      employee: 'li.wei@demo.example',
      text: '  ',
    });
    expect(noText.status).toBe(400);
    expect(noText.json.error).toMatch(/^text:/);
    const badEmail = await app.current.post('/web/api/messages', { employee: 'li.wei', text: 'help' });
    expect(badEmail.json.error).toMatch(/^employee:/);
    const stranger = await say('nobody@demo.example', 'help', 'stranger-1');
    expect(stranger).toEqual({ status: 404, json: { error: 'unknown employee' } });
    const history = await app.current.get('/web/api/history?employee=nobody@demo.example');
    expect(history.status).toBe(404);
    expect(await ProcessedEvent.countDocuments({})).toBe(before);
  });

  it('keeps the conversation: what was said, answered and notified, oldest first', async () => {
    const lw = await app.current.get('/web/api/people');
    const li = lw.json.people.find((p: { email: string }) => p.email === 'li.wei@demo.example');
    expect(li).toMatchObject({ name: '李伟', locale: 'zh-CN', timezone: 'Asia/Shanghai' });
    const before = await app.current.get('/web/api/history?employee=li.wei@demo.example');
    const said = await say('li.wei@demo.example', '我是谁');
    const after = await app.current.get('/web/api/history?employee=li.wei@demo.example');
    const added = after.json.entries.slice(before.json.entries.length);
    expect(added.map((e: { from: string }) => e.from)).toEqual(['me', 'bot']);
    expect(added[0].reply).toEqual({ text: '我是谁' });
    expect(added[1].reply).toEqual(said.json.replies[0]);
    // the answer names the entries it wrote, so the page draws each once
    expect(said.json.entries).toEqual(added);
    expect(after.json.seq).toBe(added[1].id);
    // the inbox is what came unasked: neither the question nor its answer
    const inbox = await app.current.get('/web/api/inbox?employee=li.wei@demo.example');
    expect(inbox.json.messages.map((m: { reply: unknown }) => m.reply)).not.toContainEqual({
      text: '我是谁',
    });
    expect(inbox.json.messages.map((m: { id: string }) => m.id)).toEqual(
      after.json.entries
        .filter((e: { from: string }) => e.from === 'notice')
        .map((e: { id: number }) => String(e.id)),
    );
    const missing = await app.current.get('/web/api/history');
    expect(missing.status).toBe(400);
  });

  it('serves the page and health endpoints', async () => {
    const page = await fetch(`${app.current.url}/web`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Workplace assistant</title>');
    expect(await app.current.get('/healthz')).toEqual({ status: 200, json: { ok: true } });
    expect(await app.current.get('/readyz')).toEqual({ status: 200, json: { ok: true } });
    expect((await app.current.get('/nope')).status).toBe(404);
  });

  it('delivers notifications to the conversation, and updates a card where it stands', async () => {
    const li = await Employee.findOne({ email: 'li.wei@demo.example' }).lean();
    const history = () => app.current.get('/web/api/history?employee=LI.WEI@demo.example');
    const before = (await history()).json;
    await app.current.notify(String(li?._id), { text: 'first' });
    const [ref] = await app.current.notify(String(li?._id), {
      card: { title: 'second', fields: [], actions: [] },
    });
    await app.current.notify(String(li?._id), { text: 'third' });
    if (!ref) throw new Error('the web chat kept no copy');
    await app.current.update(ref, { card: { title: 'second, decided', fields: [], actions: [] } });
    const { json } = await history();
    const added = json.entries.slice(before.entries.length);
    expect(added.map((m: { from: string; reply: unknown }) => [m.from, m.reply])).toEqual([
      ['notice', { text: 'first' }],
      ['notice', { card: { title: 'second, decided', fields: [], actions: [] } }],
      ['notice', { text: 'third' }],
    ]);
    // ids in the order added; the update took the next event number
    expect(added.map((m: { id: number }) => m.id - before.seq)).toEqual([1, 2, 3]);
    expect(json.seq).toBe(before.seq + 4);
    expect(added[0]).toMatchObject({ at: expect.stringMatching(/^\d{4}-/) });
    const other = await app.current.get('/web/api/history?employee=bob.smith@demo.example');
    expect(other.json.entries.map((m: { reply: unknown }) => m.reply)).not.toContainEqual({ text: 'first' });
  });
});

describe('web chat API limits', () => {
  it('refuses an oversized body with 413', async () => {
    const res = await app.current.post('/web/api/messages', {
      employee: 'li.wei@demo.example',
      text: 'x'.repeat(70_000),
    });
    expect(res).toEqual({ status: 413, json: { error: 'body too large' } });
    // over the router's limit: answered, never parsed
    const long = await app.current.post('/web/api/messages', {
      employee: 'li.wei@demo.example',
      text: 'x'.repeat(4001),
    });
    expect(long.json.replies[0].text).toBe(
      'That message is too long (at most 4000 characters); nothing was done. Send the command on its own.',
    );
  });
});
