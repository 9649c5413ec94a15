import type { CommandSpec } from './flow.js';

const HAN = /\p{Script=Han}/u;

/** The commands whose keywords look most like `text`, best first. */
export function closestCommands(text: string, commands: readonly CommandSpec[], limit = 3): CommandSpec[] {
  const lower = text.toLowerCase();
  const scored = commands
    .map((command) => {
      const keywords = [...command.keywords['zh-CN'], ...command.keywords.en];
      return { command, score: Math.max(...keywords.map((k) => similarity(lower, k.toLowerCase()))) };
    })
    .filter((s) => s.score >= 0.5)
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map((s) => s.command);
}

function similarity(text: string, keyword: string): number {
  if (text.includes(keyword)) return 0.9;
  if (HAN.test(keyword)) {
    const chars = [...keyword];
    return chars.filter((c) => text.includes(c)).length / chars.length;
  }
  const head = text.split(' ').slice(0, keyword.split(' ').length).join(' ');
  return 1 - levenshtein(head, keyword) / Math.max(head.length, keyword.length);
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
