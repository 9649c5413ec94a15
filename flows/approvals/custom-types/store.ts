import type { FeedChange } from '../../../db/change-feed.js';
import { isDuplicateKey } from '../../../db/duplicate-key.js';
import { type ApprovalTypeDoc, ApprovalTypeVersion } from '../../../db/models/approval-type.js';
import { createSyncedCache } from '../../../db/synced-cache.js';
import type { CacheSpec } from '../../../src/bot/flow.js';
import { readDirectory } from '../../org/api.js';
import { buildType, type CustomType } from './build-type.js';
import { checkDefinition, type Definition, definitionSchema, type Problem } from './definition.js';

/**
 * Every version of every admin-defined type, in memory: a card for a request filed with version 2
 * is drawn from version 2 without a query, and a turn matches the latest versions' keywords.
 * They are few (an admin writes them by hand), so all of them are kept.
 */
type State = {
  byId: Map<string, CustomType>;
  latest: Map<string, CustomType>;
  /** The latest versions as one array, replaced (never changed) when one is added. */
  list: readonly CustomType[];
};

const idOf = (type: string, version: number) => `${type}:${version}`;
const empty = (): State => ({ byId: new Map(), latest: new Map(), list: [] });

/** What synchronous readers (cards) see: the state the cache last loaded and keeps applying to. */
let current: State = empty();

function add(state: State, doc: ApprovalTypeDoc): void {
  // stored versions were checked on upload; parsing again only fills defaults the same way
  const parsed = definitionSchema.safeParse(doc.definition);
  if (!parsed.success) return;
  const built = buildType(parsed.data, doc.version);
  state.byId.set(doc._id, built);
  if ((state.latest.get(doc.type)?.version ?? 0) < doc.version) {
    state.latest.set(doc.type, built);
    state.list = [...state.latest.values()];
  }
}

const cache = createSyncedCache<State>({
  feed: 'approval-types',
  async load() {
    const state = empty();
    for (const doc of await ApprovalTypeVersion.find({}).lean<ApprovalTypeDoc[]>()) add(state, doc);
    current = state;
    return state;
  },
  async apply(state, change: FeedChange) {
    const doc = await ApprovalTypeVersion.findById(change.key).lean<ApprovalTypeDoc>();
    if (doc) add(state, doc);
  },
});

export const customTypesCache: CacheSpec = { name: 'approval-types', start: cache.start, stop: cache.stop };

/** A version of a custom type (the latest without one); undefined when there is no such type. */
export function customType(type: string, version?: number | null): CustomType | undefined {
  return version ? current.byId.get(idOf(type, version)) : current.latest.get(type);
}

/** The latest version of each custom type; the same array until one changes. */
export async function latestTypes(): Promise<readonly CustomType[]> {
  return (await cache.read()).list;
}

export async function latestType(type: string): Promise<CustomType | undefined> {
  return (await cache.read()).latest.get(type);
}

export type Saved =
  | { ok: true; type: string; version: number; unchanged: boolean }
  | { ok: false; problems: Problem[] };

/**
 * Checks and stores a definition as the type's next version. The same definition as the latest
 * is not a new version. Requests already filed keep theirs (`ApprovalRequest.typeVersion`).
 * `commandKeywords`: every fixed command's keywords, which a custom type may not take.
 */
export async function saveDefinition(raw: unknown, commandKeywords: string[], at: Date): Promise<Saved> {
  const state = await cache.read();
  const org = await readDirectory();
  const type = (raw as { type?: unknown } | null)?.type;
  const others = state.list
    .filter((t) => t.type !== type)
    .flatMap((t) => [...t.keywords['zh-CN'], ...t.keywords.en]);
  const checked = checkDefinition(raw, {
    keywords: new Set([...commandKeywords, ...others].map((k) => k.toLowerCase())),
    hasEmail: (email) => org.activeByEmail(email) !== undefined,
  });
  if (!checked.ok) return checked;
  const def = checked.definition;
  const latest = state.latest.get(def.type);
  if (latest && JSON.stringify(latest.definition) === JSON.stringify(def))
    return { ok: true, type: def.type, version: latest.version, unchanged: true };
  const doc = await insertNext(def, latest?.version ?? 0, at);
  await cache.publish({ kind: 'version', key: doc._id }, at, (s) => add(s, doc));
  return { ok: true, type: def.type, version: doc.version, unchanged: false };
}

/** The next free version number: another instance saving at the same moment takes the other one. */
async function insertNext(def: Definition, after: number, at: Date): Promise<ApprovalTypeDoc> {
  for (let version = after + 1; ; version++) {
    const doc = { _id: idOf(def.type, version), type: def.type, version, definition: def, createdAt: at };
    try {
      await ApprovalTypeVersion.create(doc);
      return doc;
    } catch (err) {
      if (!isDuplicateKey(err) || version > after + 20) throw err;
    }
  }
}

/** Every type with its latest version and how many it has had: the admin's list. */
export async function listTypes() {
  const state = await cache.read();
  return state.list.map((t) => ({
    type: t.type,
    version: t.version,
    label: t.label,
    keywords: t.keywords,
  }));
}

/** A stored definition as uploaded (with defaults filled in), latest or a given version. */
export async function readDefinition(type: string, version?: number) {
  await cache.read();
  const found = customType(type, version);
  return found && { type, version: found.version, definition: found.definition };
}
