import { describe, expect, it } from 'vitest';
import { Employee } from '../../db/models/employee.js';
import { useTestApp } from '../helpers/app.js';

const app = useTestApp();

type Event = { event?: string; id?: string; data: string };

/** A live stream read event by event, as a browser's EventSource would. */
async function openStream(email: string, options: { after?: number; lastEventId?: string } = {}) {
  const controller = new AbortController();
  const query = options.after === undefined ? '' : `&after=${options.after}`;
  const res = await fetch(`${app.current.url}/web/api/stream?employee=${email}${query}`, {
    signal: controller.signal,
    headers: options.lastEventId ? { 'last-event-id': options.lastEventId } : {},
  });
  if (!res.body) throw new Error(`no stream: ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    /** The next event, or null once the server ended the stream. Comments are skipped. */
    async next(): Promise<Event | null> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: Event = { data: '' };
          for (const line of block.split('\n')) {
            const [key, ...rest] = line.split(': ');
            const value = rest.join(': ');
            if (key === 'event') event.event = value;
            else if (key === 'id') event.id = value;
            else if (key === 'data') event.data = value;
          }
          if (event.event) return event;
          continue;
        }
        const { done, value } = await reader.read();
        if (done) return null;
        buffer += value;
      }
    },
    close: () => controller.abort(),
  };
}

async function employeeId(email: string): Promise<string> {
  const e = await Employee.findOne({ email }).lean();
  if (!e) throw new Error(`no ${email}`);
  return String(e._id);
}

const history = async (email: string) =>
  (await app.current.get(`/web/api/history?employee=${email}`)).json as { seq: number };

describe('the web chat live stream', () => {
  it('sends new entries and replaced cards once each, and resumes from Last-Event-ID', async () => {
    const email = 'wang.fang@demo.example';
    const id = await employeeId(email);
    const { seq } = await history(email);
    const stream = await openStream(email, { after: seq });
    expect(stream.type).toMatch(/^text\/event-stream/);

    const [ref] = await app.current.notify(id, { card: { title: '待审批', fields: [], actions: [] } });
    if (!ref) throw new Error('the web chat kept no copy');
    const added = await stream.next();
    expect(added).toMatchObject({ event: 'entry', id: String(seq + 1) });
    const entry = JSON.parse(added?.data ?? '');
    expect(entry).toMatchObject({ id: seq + 1, from: 'notice', reply: { card: { title: '待审批' } } });

    await app.current.update(ref, { card: { title: '已通过', fields: [], actions: [] } });
    const replaced = await stream.next();
    expect(replaced).toMatchObject({ event: 'entry', id: String(seq + 2) });
    // the same entry, to be drawn where it stands
    expect(JSON.parse(replaced?.data ?? '')).toMatchObject({
      id: entry.id,
      reply: { card: { title: '已通过' } },
    });
    stream.close();

    // a page that saw the first event: only the card's latest form, never the first again
    const resumed = await openStream(email, { after: 0, lastEventId: String(seq + 1) });
    await app.current.notify(id, { text: 'after the resume' });
    const events = [await resumed.next(), await resumed.next()];
    expect(events.map((e) => [e?.id, JSON.parse(e?.data ?? '').reply])).toEqual([
      [String(seq + 2), { card: { title: '已通过', fields: [], actions: [] } }],
      [String(seq + 3), { text: 'after the resume' }],
    ]);
    resumed.close();
  });

  it('answers and what was said reach every open page of that person', async () => {
    const email = 'li.wei@demo.example';
    const { seq } = await history(email);
    const other = await openStream(email, { after: seq });
    await app.current.post('/web/api/messages', { employee: email, text: '我是谁' });
    const said = JSON.parse((await other.next())?.data ?? '');
    const answered = JSON.parse((await other.next())?.data ?? '');
    expect([said.from, said.reply]).toEqual(['me', { text: '我是谁' }]);
    expect(answered.from).toBe('bot');
    other.close();
  });

  it('tells a page that knows a later event than the store to reload', async () => {
    const email = 'zhang.min@demo.example';
    const { seq } = await history(email);
    const stream = await openStream(email, { lastEventId: String(seq + 1000) });
    expect(await stream.next()).toEqual({ event: 'reset', id: String(seq), data: String(seq) });
    stream.close();
  });

  it('keeps at most five streams per person, closing the oldest', async () => {
    const email = 'bob.smith@demo.example';
    const streams = [];
    for (let i = 0; i < 6; i++) streams.push(await openStream(email, { after: (await history(email)).seq }));
    expect(await streams[0]?.next()).toBeNull();
    // the others still follow
    await app.current.notify(await employeeId(email), { text: 'still here' });
    for (const s of streams.slice(1))
      expect(JSON.parse((await s.next())?.data ?? '').reply.text).toBe('still here');
    for (const s of streams) s.close();
  });

  it('refuses a stream without a known person or with a malformed event id', async () => {
    const none = await fetch(`${app.current.url}/web/api/stream`);
    expect(none.status).toBe(400);
    const stranger = await fetch(`${app.current.url}/web/api/stream?employee=nobody@demo.example`);
    expect(stranger.status).toBe(404);
    const bad = await fetch(`${app.current.url}/web/api/stream?employee=li.wei@demo.example`, {
      headers: { 'last-event-id': 'abc' },
    });
    expect(bad.status).toBe(400);
  });
});
