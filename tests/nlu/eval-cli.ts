// `npm run eval:nlu`: how well natural sentences are understood, on the development split (tuned
// against) and the held-out test split (never looked at while tuning). Exits 1 below the gate.
import { flows } from '../../flows/index.js';
import { createUnderstander } from '../../src/bot/nlu/understand.js';
import { loadConfig } from '../../src/config.js';
import {
  evaluateRows,
  type Gate,
  intentOf,
  type Result,
  readCorpus,
  summarize,
  THRESHOLDS,
} from './evaluate.js';

const understander = await createUnderstander(flows, loadConfig().storeCacheDir);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
let failed = false;

// `-- dev` while tuning: the held-out test split is read only when the whole gate runs
const splits = process.argv.includes('dev') ? ['dev'] : ['dev', 'test'];
for (const split of splits) {
  const rows = await readCorpus(`tests/nlu/${split}.tsv`);
  // a running server parses warm: one untimed pass first, so compiling code is not counted as parsing
  await evaluateRows(rows, understander);
  const results = await evaluateRows(rows, understander);
  const s = summarize(results);
  console.log(`\n== ${split}: ${s.rows} sentences`);
  console.log(
    `intents ${pct(s.intentAccuracy)} · slots exact ${pct(s.slotAccuracy)} (${s.slotRows} rows with slots) · negatives mapped to a write: ${s.negativeWrites} · parse p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms (CPU p99 ${s.cpuP99.toFixed(2)} ms)`,
  );
  printPerIntent(results);
  printConfusions(results);
  if (split === 'dev') printSlotMisses(results);
  const gate = THRESHOLDS[split] as Gate;
  const ok =
    s.intentAccuracy >= gate.intentAccuracy &&
    s.slotAccuracy >= gate.slotAccuracy &&
    s.negativeWrites <= gate.negativeWrites &&
    s.cpuP99 <= gate.cpuP99Ms;
  if (!ok) failed = true;
  console.log(ok ? `gate ${JSON.stringify(gate)}: passed` : `gate: FAILED (${JSON.stringify(gate)})`);
}
process.exit(failed ? 1 : 0);

function printPerIntent(results: Result[]) {
  const by = new Map<string, Result[]>();
  for (const r of results) by.set(r.row.intent, [...(by.get(r.row.intent) ?? []), r]);
  const rows = [...by.entries()].map(([intent, rs]) => ({
    intent,
    n: rs.length,
    acc: rs.filter((r) => r.intentOk).length / rs.length,
  }));
  console.log('per intent (worst first):');
  for (const r of rows.sort((a, b) => a.acc - b.acc || a.intent.localeCompare(b.intent)))
    console.log(`  ${pct(r.acc).padStart(6)}  ${String(r.n).padStart(3)}  ${r.intent}`);
}

function printConfusions(results: Result[]) {
  const pairs = new Map<string, number>();
  for (const r of results.filter((x) => !x.intentOk)) {
    const key = `${r.row.intent} → ${intentOf(r.verdict)}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  const top = [...pairs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  if (top.length) console.log(`confusions: ${top.map(([k, n]) => `${k} ×${n}`).join('; ')}`);
}

/** Development split only: the rows to look at while tuning (the test split stays unread). */
function printSlotMisses(results: Result[]) {
  for (const r of results.filter((x) => !x.intentOk || x.slotsOk === false))
    console.log(
      `  ✗ ${r.row.text}  [${r.row.intent} ${JSON.stringify(r.row.expect)}] → ${JSON.stringify(r.verdict)}`,
    );
}
