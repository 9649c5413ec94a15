import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createImportJob, readImportJob, saveImportProgress } from '../../db/import-jobs.js';
import { Customer } from '../../db/models/customer.js';
import { customersImport } from '../../flows/crm/import-customers.js';
import { resumeImportsJob } from '../../src/imports/resume-imports.js';
import { createLogger } from '../../src/logger.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { chatAs, textOf } from '../helpers/chat.js';
import { testNow } from '../helpers/clock.js';
import { until } from '../helpers/until.js';

const app = useTestApp();
const chat = chatAs(app);
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const HEADER = 'name,city,industry,stage,tags';
/** Ten slices and more: long enough to see progress and stalls (20,000 take ~2 min on a shared 2-core machine). */
const N = 5000;

const customersCsv = (prefix: string, count: number) =>
  [HEADER, ...Array.from({ length: count }, (_, i) => `${prefix}${i},杭州,制造,lead,t${i % 7}`)].join('\n');

const post = (path: string, csv: string, headers: Record<string, string> = {}) =>
  fetch(app.current.url + path, { method: 'POST', headers: { ...auth, ...headers }, body: csv }).then(
    async (r) => ({ status: r.status, location: r.headers.get('location'), json: await r.json() }),
  );

/** Latencies of /healthz asked one after another until `stop()` is true. */
async function healthDelays(stop: () => boolean): Promise<number[]> {
  const delays: number[] = [];
  while (!stop()) {
    const started = performance.now();
    const res = await fetch(`${app.current.url}/healthz`);
    await res.arrayBuffer();
    delays.push(performance.now() - started);
  }
  return delays;
}

describe('imports run as background jobs', () => {
  it('5,000 customers: 202 at once, progress mid-way, health answered throughout, counts right, the starter told in chat', async () => {
    // the baseline, in this run: health checks alone, then one 500-row import (a slice's worth of work) answered when done
    let quiet = false;
    const idle = healthDelays(() => quiet);
    await sleep(500);
    quiet = true;
    const idleMax = Math.max(...(await idle));
    const sliceStarted = performance.now();
    expect((await post('/api/import/customers', customersCsv('基准', 500))).json).toMatchObject({
      created: 500,
    });
    const sliceMs = performance.now() - sliceStarted;

    const before = await Customer.countDocuments({});
    const started = performance.now();
    const accepted = await post('/api/import/customers?notify=li.wei@demo.example', customersCsv('批量', N), {
      prefer: 'respond-async',
    });
    const acceptedMs = performance.now() - started;
    expect(accepted.status).toBe(202);
    expect(accepted.json).toMatchObject({
      kind: 'customers',
      state: expect.stringMatching(/checking|writing/),
    });
    expect(accepted.location).toBe(`/api/imports/${accepted.json.id}`);

    let ended = false;
    const busy = healthDelays(() => ended);
    const seen: { state: string; done: number; total: number | null }[] = [];
    await until(async () => {
      const { json } = await app.current.get(accepted.location ?? '', auth);
      seen.push(json);
      ended = json.state === 'done' || json.state === 'failed';
      if (!ended) await sleep(150);
      return ended;
    }, 240_000);
    const delays = await busy;
    const importMs = performance.now() - started;

    const last = seen.at(-1);
    expect(last).toMatchObject({
      state: 'done',
      total: N,
      done: N,
      created: N,
      errorCount: 0,
    });
    expect(seen.some((p) => p.state === 'writing' && p.done > 0 && p.done < N)).toBe(true);
    expect((await Customer.countDocuments({})) - before).toBe(N);

    // health answered all along, never stalled for long: the longest wait is bounded by a few
    // slices' worth of work measured above, and is a small part of the whole import
    const busyMax = Math.max(...delays);
    console.info(
      `import ${N}: accepted in ${acceptedMs.toFixed(0)} ms, done in ${(importMs / 1000).toFixed(1)} s; ` +
        `health max ${busyMax.toFixed(0)} ms over ${delays.length} checks (idle max ${idleMax.toFixed(0)} ms, one 500-row import ${sliceMs.toFixed(0)} ms)`,
    );
    expect(acceptedMs).toBeLessThan(sliceMs * 3);
    expect(delays.length).toBeGreaterThan(20);
    expect(busyMax).toBeLessThan(Math.max(sliceMs, idleMax * 10));
    expect(busyMax).toBeLessThan(importMs / 10);

    await until(async () => (await chat.inbox('li.wei')).length > 0, 5000);
    expect(textOf(await chat.inbox('li.wei'))).toContain(
      `导入完成（customers）：${N.toLocaleString('en-US')} 行`,
    );
  }, 300_000);

  it('a file with bad rows writes nothing: the job fails with every bad line, and the starter is told which', async () => {
    const csv = [HEADER, '坏行甲,杭州,制造,lead,', '坏行乙,杭州,制造,nonsense,', '坏行甲,苏州,,,'].join('\n');
    const accepted = await post('/api/import/customers?notify=li.wei@demo.example', csv, {
      prefer: 'respond-async',
    });
    expect(accepted.status).toBe(202);
    await until(async () => (await readImportJob(accepted.json.id))?.state === 'failed', 10_000);
    const { json } = await app.current.get(`/api/imports/${accepted.json.id}`, auth);
    expect(json).toMatchObject({ state: 'failed', done: 0, errorCount: 2 });
    expect(json.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    expect(await Customer.countDocuments({ name: /^坏行/ })).toBe(0);
    await until(async () => textOf(await chat.inbox('li.wei')).includes('导入未完成'), 5000);
    expect(textOf(await chat.inbox('li.wei'))).toMatch(
      /导入未完成（customers）：2 处有误，已写入 0 行\n第 3 行：stage/,
    );
  });

  it('refuses an unknown kind, an unknown starter and an unknown job by name', async () => {
    expect((await post('/api/import/planets', 'a\n1')).status).toBe(404);
    expect(
      (await post('/api/import/customers?notify=nobody@demo.example', customersCsv('x', 1))).json,
    ).toEqual({
      error: 'notify nobody@demo.example is not an active employee',
    });
    expect((await app.current.get('/api/imports/customers-20261202T000000-00000000', auth)).status).toBe(404);
    expect((await app.current.get('/api/imports/x')).status).toBe(401);
  });

  it('a job whose process died mid-slice is resumed by the sweep from its last committed slice, without twins', async () => {
    const now = testNow();
    const csv = customersCsv('续传', 1200);
    const { job } = await createImportJob('customers', csv, null, now);
    // the dead run: checked, the first slice committed, half of the second written, then nothing
    const read = await customersImport.read(csv);
    const ctx = { jobId: job._id, now };
    expect(await customersImport.check(read.rows, ctx)).toEqual([]);
    await saveImportProgress(job, { state: 'writing', total: 1200 }, now);
    await saveImportProgress(
      job,
      { done: 500, ...(await customersImport.write(read.rows.slice(0, 500), ctx)) },
      now,
    );
    await customersImport.write(read.rows.slice(500, 750), ctx);

    const sweep = resumeImportsJob([customersImport], {
      now: testNow,
      log: createLogger('silent'),
      notify: async () => [],
    });
    const deps = { notify: async () => [], update: async () => {}, reminders: undefined as never };
    // still fresh: nobody takes it over
    expect(await sweep.run({ ...deps, now: new Date(now.getTime() + 60_000) })).toEqual({ resumed: 0 });
    expect(await sweep.run({ ...deps, now: new Date(now.getTime() + 180_000) })).toEqual({ resumed: 1 });

    expect(await readImportJob(job._id)).toMatchObject({ state: 'done', done: 1200, run: 2 });
    expect(await Customer.countDocuments({ name: /^续传/ })).toBe(1200);
    // the counts kept on write agree: the resumed job recounted at its end
    const { json } = await app.current.get('/api/crm/analytics?by=city', auth);
    const hangzhou = json.rows.find((r: { key: string }) => r.key === '杭州');
    expect(hangzhou.count).toBe(await Customer.countDocuments({ city: '杭州' }));
  }, 120_000);
});
