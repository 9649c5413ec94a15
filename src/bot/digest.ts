import type { Button, Locale } from '../../src/bot/types.js';

/** Someone the run builds a digest for. `since` = their last digest (what changed since then). */
export type Reader = {
  id: string;
  name: string;
  locale: Locale;
  timezone: string;
  roles: string[];
  department: string;
  /** Their local date when the digest is built. */
  date: string;
  since: Date;
};

/** Every active employee, loaded once per run: names, and who reports to whom. */
export type Staff = {
  id: string;
  name: string;
  department: string;
  timezone: string;
  managerId: string | null;
  /** Local date they joined: a day before it with no record is not an absence. */
  joined: string;
};

/** Sections give buttons to this many of their first items; the rest are listed. */
export const WITH_BUTTONS = 3;

export type RunContext = {
  now: Date;
  readers: Reader[];
  staff: Staff[];
  names: Map<string, string>;
  nameOf(id: unknown): string;
};

/** One part of a digest, already in the reader's language. */
export type DigestSection = { title: string; lines: string[]; buttons?: Button[] };

/**
 * Builds one kind of section for every reader at once, with a fixed number of queries (one batch
 * per section, not one per person): readers without anything for it are simply not in the map.
 */
export type SectionLoader = (ctx: RunContext) => Promise<Map<string, DigestSection>>;

/** Groups rows under the readers they concern, dropping rows for anyone not reading today. */
export function byReader<T>(
  ctx: RunContext,
  rows: T[],
  readerIdsOf: (row: T) => unknown[],
): Map<Reader, T[]> {
  const readers = new Map(ctx.readers.map((r) => [r.id, r]));
  const out = new Map<Reader, T[]>();
  for (const row of rows) {
    for (const id of readerIdsOf(row)) {
      const reader = readers.get(String(id));
      if (reader) out.set(reader, [...(out.get(reader) ?? []), row]);
    }
  }
  return out;
}

/**
 * A flow's contribution to the morning digest (`Flow.digestSections`). The digest shows the
 * sections of every flow by `order`, lowest first.
 */
export type DigestSectionSpec = { name: string; order: number; load: SectionLoader };

/** Every section the flows declare, in digest order. */
export function digestSectionsOf(flows: { digestSections?: DigestSectionSpec[] }[]): DigestSectionSpec[] {
  return flows.flatMap((f) => f.digestSections ?? []).sort((a, b) => a.order - b.order);
}
