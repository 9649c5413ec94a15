import type { Reply } from '../../src/bot/types.js';
import { drawCharts } from './draw-charts.js';

export type WebSender = 'me' | 'bot' | 'notice';
/** One line of a person's web chat; `rev` is the event number of its last write. */
export type WebEntry = { id: number; rev: number; at: Date; from: WebSender; reply: Reply };
export type WebPerson = { email: string; name: string; department: string; locale: string; timezone: string };

/** Storage the web chat needs, provided by the app's wiring (the adapter never touches models). */
export type WebStore = {
  people(): Promise<WebPerson[]>;
  /** The employee behind an e-mail, or null. */
  employeeOf(email: string): Promise<string | null>;
  append(employeeId: string, items: { from: WebSender; reply: Reply }[], at: Date): Promise<WebEntry[]>;
  replace(employeeId: string, id: number, reply: Reply, at: Date): Promise<WebEntry | null>;
  read(employeeId: string): Promise<{ seq: number; entries: WebEntry[] }>;
};

export const entryJson = (e: WebEntry) => ({
  id: e.id,
  at: e.at.toISOString(),
  from: e.from,
  reply: drawCharts(e.reply),
});
