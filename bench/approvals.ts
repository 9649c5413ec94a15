// Approvals row: full create→decide cycles through the web API, each an expense filed by one
// person and approved by their manager; p50/p99 are of the decision call alone.
import type { Row } from './measure.js';

type Reply = { text?: string; card?: { title: string } };

async function post(url: string, body: unknown): Promise<Reply[]> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${res.status}`);
  return ((await res.json()) as { replies: Reply[] }).replies;
}

export async function loadApprovals(
  appUrl: string,
  opts: { seconds: number; connections: number },
): Promise<Row> {
  const decisions: number[] = [];
  let cycles = 0;
  let errors = 0;
  const deadline = performance.now() + opts.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      try {
        const filed = await post(`${appUrl}/web/api/messages`, {
          employee: 'zhang.min@demo.example',
          text: '报销 42 交通 地铁',
        });
        const no = /AP-\d+/.exec(filed[0]?.card?.title ?? '')?.[0];
        if (!no) throw new Error('no request number');
        const started = performance.now();
        const decided = await post(`${appUrl}/web/api/actions`, {
          employee: 'wang.fang@demo.example',
          actionId: 'approvals.approve',
          value: no,
        });
        decisions.push(performance.now() - started);
        if (!decided[0]?.text?.includes(no)) throw new Error('not decided');
        cycles++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  decisions.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(decisions[Math.min(decisions.length - 1, Math.floor(q * decisions.length))] ?? Number.NaN);
  return {
    name: 'approvals: create→decide cycles',
    rps: cycles / opts.seconds,
    p50: at(0.5),
    p99: at(0.99),
    errors,
  };
}
