import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

const app = useTestApp();

const scrape = async () => {
  const res = await fetch(`${app.current.url}/metrics`);
  return { type: res.headers.get('content-type'), body: await res.text() };
};

describe('/metrics', () => {
  it('counts requests by route pattern and status, never by a path that carries ids or text', async () => {
    for (let i = 0; i < 3; i++) await app.current.get('/healthz');
    await app.current.post('/web/api/messages', { employee: 'li.wei@demo.example', text: '帮助' });
    await app.current.get('/web/api/history?employee=li.wei%40demo.example');
    await app.current.get('/no/such/page/zq-unique');

    const { type, body } = await scrape();
    expect(type).toContain('text/plain');
    expect(body).toContain('http_requests_total{method="GET",route="/healthz",status="200"} 3');
    expect(body).toContain('http_requests_total{method="POST",route="/web/api/messages",status="200"} 1');
    expect(body).toContain('route="unmatched",status="404"} 1');
    expect(body).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/web\/api\/messages"\} 1/,
    );
    expect(body).not.toContain('li.wei');
    expect(body).not.toContain('zq-unique');
    // the process' own health comes with it
    expect(body).toContain('nodejs_eventloop_lag_seconds');
  });
});
