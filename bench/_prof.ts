import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { connectDb, ensureIndexes } from '../db/connect.js';
import { AttendanceMonth } from '../db/models/attendance-month.js';
import { ensureFerretdb } from '../db/embedded/build-ferretdb.js';
import { startFerretdb } from '../db/embedded/start-ferretdb.js';
import { loadConfig } from '../src/config.js';
import { readMonths, daysOf, recountMonths } from '../flows/attendance/rollup.js';
import { loadSchedules } from '../flows/attendance/schedule.js';
import { csvLine, csvRow, monthDays } from '../flows/attendance/report.js';

const config = loadConfig();
const bin = config.ferretdbBin ?? (await ensureFerretdb(config.storeCacheDir, console.error));
const store = await startFerretdb({ bin, dataDir: await mkdtemp(join(tmpdir(), 'oa-prof-')) });
const uri = `${store.uri}/prof`;
const { execFileSync } = await import('node:child_process');
const today = DateTime.now().setZone('Asia/Shanghai').toISODate() as string;
const run = (...a: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'bench/oa-seed.ts', ...a], { stdio: 'inherit' });
run('people', uri);
run('attendance', uri, '0', String(Number(process.env.N ?? 60000)), today);
await connectDb(uri, { timeoutMs: 5000 });
await ensureIndexes();
const t = async (what: string, f: () => Promise<unknown>) => { const s = performance.now(); const r = await f(); console.log(what, Math.round(performance.now() - s), 'ms'); return r; };
const month = DateTime.now().minus({ months: 1 }).toFormat('yyyy-MM');
const ids = Array.from({ length: 1000 }, (_, k) => new mongoose.Types.ObjectId(`0a0a0000${k.toString(16).padStart(16, '0')}`).toHexString());
for (let i = 0; i < 2; i++) {
  const months = (await t('readMonths 1000 point reads', () => readMonths(ids, `${month}-01`, `${month}-28`))) as Map<string, never>;
  await t('scan months of month', () => AttendanceMonth.find({ month }).lean());
  const sched = await loadSchedules();
  await t('daysOf 1000', async () => { for (const id of ids) daysOf({ id, department: 'OAHistory', timezone: 'Asia/Shanghai' }, months, `${month}-01`, `${month}-28`, sched({ id, department: 'x', timezone: 'Asia/Shanghai' }), DateTime.now()); });
  await t('csv full', async () => { let n = 0; for await (const { person, days } of monthDays(month, 'OAHistory', DateTime.now())) n += days.map((d) => csvLine(csvRow(person, d))).join('').length; return n; });
}
await t('recount all (no changes)', () => recountMonths(new Date()));
await mongoose.disconnect();
await store.stop();
