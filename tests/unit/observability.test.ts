import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createNotifier } from '../../src/bot/notifier.js';
import type { Messenger } from '../../src/bot/types.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics.js';
import { withRequestId } from '../../src/request-context.js';

function captured() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe('logs', () => {
  it('stamps every line written during a request with its id, even after awaits and timers', async () => {
    const { lines, stream } = captured();
    const log = createLogger('info', 'json', stream);
    await withRequestId('req-7', async () => {
      log.info('accepted');
      await new Promise((r) => setTimeout(r, 1));
      log.info('after a timer');
    });
    log.info('outside');
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.map((p) => [p.msg, p.reqId])).toEqual([
      ['accepted', 'req-7'],
      ['after a timer', 'req-7'],
      ['outside', undefined],
    ]);
  });

  it('drops message text and tokens, in either format', () => {
    for (const format of ['json', 'pretty'] as const) {
      const { lines, stream } = captured();
      createLogger('info', format, stream).info(
        { text: '请假 家里有事', token: 'xoxb-secret', n: 3 },
        'turn',
      );
      const out = lines.join('\n');
      expect(out).toContain('turn');
      expect(out).not.toContain('家里有事');
      expect(out).not.toContain('xoxb-secret');
    }
  });

  it('writes readable lines, not JSON, in the pretty format', () => {
    const { lines, stream } = captured();
    createLogger('info', 'pretty', stream).info({ port: 3000 }, 'started');
    expect(lines[0]).toMatch(/INFO.*started/);
    expect(lines[0]?.startsWith('{')).toBe(false);
    expect(lines.join('\n')).toContain('port: 3000');
  });
});

describe('metrics', () => {
  it('counts deliveries by platform and outcome: a platform that fails is counted as failed', async () => {
    const metrics = createMetrics();
    const messenger = (platform: 'web' | 'slack', fails: boolean): Messenger => ({
      platform,
      send: async () => {
        if (fails) throw new Error('platform down');
        return { platform, channelId: 'c', messageId: 'm' };
      },
      update: async () => {},
    });
    const notifier = createNotifier({
      messengers: [messenger('web', false), messenger('slack', true)],
      addressOf: async () => ({ accounts: [{ platform: 'slack', teamId: 'T1', userId: 'U1' }] }),
      log: createLogger('silent'),
      delivered: metrics.delivery,
    });
    await notifier.notify('e1', { text: 'hi' });
    await notifier.notify('e1', { text: 'again' });
    const { body } = await metrics.render();
    expect(body).toContain('deliveries_total{platform="web",outcome="sent"} 2');
    expect(body).toContain('deliveries_total{platform="slack",outcome="failed"} 2');
  });

  it('reports each watched queue’s depth when scraped', async () => {
    const metrics = createMetrics();
    let depth = 3;
    metrics.watchQueue('slack', () => depth);
    expect((await metrics.render()).body).toContain('work_queue_depth{queue="slack"} 3');
    depth = 0;
    expect((await metrics.render()).body).toContain('work_queue_depth{queue="slack"} 0');
  });
});
