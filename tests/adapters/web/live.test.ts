import { describe, expect, it } from 'vitest';
import { createLiveHub } from '../../../adapters/web/live.js';

const limits = { perPerson: 2, heartbeatMs: 10_000, backlog: 10 };

describe('the web chat live hub', () => {
  it('keeps a wake that came while the stream was busy, and reports idle after the wait', async () => {
    const hub = createLiveHub(limits);
    const l = hub.listen('e1');
    hub.wake('e1');
    expect(await l.next(10_000)).toBe('changed');
    expect(await l.next(5)).toBe('idle');
    hub.wake('e2');
    expect(await l.next(5)).toBe('idle');
  });

  it('closes the oldest stream over the limit and forgets closed ones', async () => {
    const hub = createLiveHub(limits);
    const [a, b, c] = [hub.listen('e1'), hub.listen('e1'), hub.listen('e1')];
    expect(await a.next(10_000)).toBe('closed');
    expect(hub.count('e1')).toBe(2);
    const waiting = b.next(10_000);
    b.close();
    expect(await waiting).toBe('closed');
    c.close();
    expect(hub.count('e1')).toBe(0);
  });

  it('ends every stream when the server stops', async () => {
    const hub = createLiveHub(limits);
    const waits = [hub.listen('e1').next(10_000), hub.listen('e2').next(10_000)];
    hub.closeAll();
    expect(await Promise.all(waits)).toEqual(['closed', 'closed']);
  });
});
