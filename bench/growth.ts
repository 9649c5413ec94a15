// Shared by the growth rows (CRM, stock and orders): one chat action at a time through the web API
// of a running app, its p50 at each size of a database grown between the sizes, and the growth of
// p50 from the smallest size to the largest.
import { spawn } from 'node:child_process';
import type { Row } from './measure.js';

export type Reply = { text?: string; card?: { title: string; body?: string } };
/** One turn: who says what, and whether the answer is the one wanted (else it counts as an error). */
export type Turn = { employee: string; text: string; ok(replies: Reply[]): boolean };

export const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

export const sizesFrom = (value: string | undefined, fallback: string) =>
  (value ?? fallback).split(',').map(Number);

export async function say(appUrl: string, employee: string, text: string): Promise<Reply[]> {
  const res = await fetch(`${appUrl}/web/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ employee, text }),
  });
  if (!res.ok) throw new Error(`${res.status}`);
  return ((await res.json()) as { replies: Reply[] }).replies;
}

/**
 * p50 of `samples` turns one after another (one connection: the time of one action, not of a
 * queue), after two unmeasured ones. A slow row stops early once `budgetMs` is spent and it has
 * three samples, so the unindexed "before" still finishes at 100k.
 */
export async function sampleTurns(
  name: string,
  appUrl: string,
  turn: (i: number) => Turn,
  opts: { samples?: number; budgetMs?: number } = {},
): Promise<Row> {
  const samples = opts.samples ?? 40;
  const budgetMs = opts.budgetMs ?? 20_000;
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (let i = 0; i < samples + 2; i++) {
    const t = turn(i);
    const at = performance.now();
    try {
      const replies = await say(appUrl, t.employee, t.text);
      if (!t.ok(replies)) throw new Error(JSON.stringify(replies).slice(0, 200));
      if (i >= 2) times.push(performance.now() - at);
    } catch (err) {
      errors++;
      if (errors === 1) console.error(`${name}: ${(err as Error).message}`);
    }
    if (times.length >= 3 && performance.now() - started > budgetMs) break;
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN);
  const total = times.reduce((s, t) => s + t, 0);
  return { name, rps: total ? (times.length * 1000) / total : 0, p50: q(0.5), p99: q(0.99), errors };
}

/** A pause after seeding, before timing: a bulk write's aftermath (the store flushing it, the app's background reload) is not the action's time. */
export const settle = () => new Promise((r) => setTimeout(r, 5_000));

/** Runs `file` (a bench module) in a child process: writing in bulk from the runner's mongoose is not possible once the app's models are initialised elsewhere. */
export async function runChild(file: string, args: string[]): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((res) => child.once('close', res));
  if (code !== 0) throw new Error(`${file} ${args[0]} exited with ${code}`);
}

/** `"follow-up" p50 × 1.12` per action: how its p50 grew from the first size to the last. */
export function growthReport(title: string, byAction: Map<string, Row[]>): string {
  const parts = [...byAction].map(([action, rows]) => {
    const [first, last] = [rows[0], rows[rows.length - 1]];
    const factor = first && last ? (last.p50 / Math.max(1, first.p50)).toFixed(2) : '–';
    return `${action} p50 × ${factor}`;
  });
  return `${title}: ${parts.join(', ')}`;
}
