// Stock rows: movements per second through the web API by warehouse staff, first all on one
// SKU in one warehouse (every movement contends for the same level revision), then spread over
// the demo's SKUs and both warehouses. Each worker alternates "in 1" / "out 1", so nothing runs
// short; a reply without "on hand now" counts as an error.
import type { Row } from './measure.js';

const SKUS = ['SKU-1001', 'SKU-2002', 'SKU-3003', 'SKU-4004', 'SKU-5005'];
const WAREHOUSES = ['Main', 'South'];

async function say(appUrl: string, employee: string, text: string): Promise<string> {
  const res = await fetch(`${appUrl}/web/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ employee, text }),
  });
  if (!res.ok) throw new Error(`${res.status}`);
  const { replies } = (await res.json()) as { replies: { text?: string }[] };
  return replies[0]?.text ?? '';
}

export async function loadStockMovements(
  appUrl: string,
  spread: 'one' | 'many',
  opts: { seconds: number; connections: number },
): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + opts.seconds * 1000;
  const worker = async (w: number) => {
    const employee = w % 2 === 0 ? 'wu.jun@demo.example' : 'zhou.qiang@demo.example';
    for (let i = 0; performance.now() < deadline; i++) {
      // each in/out pair hits the same level, so nothing can run short
      const sku = spread === 'one' ? 'SKU-1001' : SKUS[(w + Math.floor(i / 2)) % SKUS.length];
      const where = spread === 'one' ? 'Main' : WAREHOUSES[w % WAREHOUSES.length];
      const text = `stock ${i % 2 === 0 ? 'in' : 'out'} ${sku} 1 ${where} bench`;
      const started = performance.now();
      try {
        const reply = await say(appUrl, employee, text);
        if (!reply.includes('on hand now')) throw new Error(reply);
        latencies.push(performance.now() - started);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, (_, w) => worker(w)));
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN);
  return {
    name:
      spread === 'one' ? 'stock movements, one SKU (contended)' : 'stock movements, 5 SKUs × 2 warehouses',
    rps: latencies.length / opts.seconds,
    p50: at(0.5),
    p99: at(0.99),
    errors,
  };
}
