import type { Hono } from 'hono';
import type { DateTime } from 'luxon';
import type { Clock } from '../clock.js';
import type { ImportSpec } from '../csv-import.js';
import type { Logger } from '../logger.js';
import type { Deliveries, ReminderConfig } from './deliveries.js';
import type { DigestSectionSpec } from './digest.js';
import type { DirectorySync } from './directory-source.js';
import type { HomeSectionSpec } from './home.js';
import type { Text } from './i18n.js';
import type {
  Button,
  ButtonStyle,
  CardAction,
  FormFieldKind,
  IncomingFile,
  Locale,
  Message,
  MessageRef,
  Person,
  Reply,
} from './types.js';

/**
 * What a command's argument parser sees besides the text. `currency` is what an amount written
 * without one is in: the person's own default, else the company's.
 */
export type ParseContext = { locale: Locale; now: DateTime; tz: string; currency: string };

/**
 * A parser either returns arguments or says, in the person's language, what was wrong. `ask`:
 * the problem is one missing piece (named), put as a question; the person's next message
 * answers it and is parsed together with `rest` (default: the text parsed so far).
 */
export type ParseResult<A> = { args: A } | { problem: string; ask?: string; rest?: string };

/** Reads a whole free sentence (not the grammar) into a command's arguments. */
export type SentenceReader = (text: string, ctx: ParseContext) => ParseResult<unknown>;

/** The per-turn context a handler gets. It never holds a platform client. */
export type TurnContext = {
  person: Person;
  /** The language of this turn: what the person typed in, or the card they clicked. */
  locale: Locale;
  now: DateTime;
  /** The company's currency (`CURRENCY`): catalogue prices and policy amounts are in it. */
  companyCurrency: string;
  log: Logger;
  reply(reply: Reply | string): void;
  /**
   * Sends to every platform the employee is bound to; the refs let a flow update the copies later.
   * Pass `(to) => reply` to have it written in their language and zone.
   */
  notify(employeeId: string, message: Message): Promise<MessageRef[]>;
  update(ref: MessageRef, reply: Reply): Promise<void>;
  /** Reminders go through here: sent once per key, held in quiet hours, dropped when muted. */
  reminders: Reminders;
  /** The registry, for flows that describe other flows (help). */
  commands: readonly CommandSpec[];
  areas: readonly Area[];
  /**
   * Files that came with this turn: sent with the message, held from file-only messages just
   * before it in the chat, or kept with the question or confirmation this turn answers.
   */
  files: IncomingFile[];
  /** True when this run is the person's Submit on a confirmation: do not ask again. */
  confirmed: boolean;
  /** Asks before running `intent` with `args`: what was understood, with Submit, Edit and Cancel. */
  propose(p: Proposal): Promise<void>;
  /** A button that runs `intent` with `args` once clicked (one of several candidates). */
  choice(label: string, intent: string, args: unknown, style?: ButtonStyle): Promise<Button>;
};

/** A write held for the person's Submit. `what` names it on the card (default: the command). */
export type Proposal = {
  intent: string;
  args: unknown;
  fields: [string, string][];
  warning?: string;
  what?: string;
  /** Other ways to go, shown beside Submit (from `choice`). */
  alternatives?: Button[];
};

/** Proactive messages sent once (mute, quiet hours) and the company's reminder settings. */
export type Reminders = Deliveries & { config: ReminderConfig };

export type Area = { id: string; label: Text; order: number };

export type FormFieldSpec = {
  name: string;
  label: Text;
  kind: FormFieldKind;
  optional?: boolean;
  /** The question when this field is all that is missing ("哪天？"). */
  ask?: Text;
  options?: { value: string; label: Text }[];
};

/** A command's form: the same arguments as its text, field by field, checked by the same schema. */
export type FormSpec<A> = {
  title: Text;
  fields: FormFieldSpec[];
  parse(values: Record<string, string>, ctx: ParseContext): { args: A } | { errors: Record<string, string> };
};

/**
 * A command is data: its keywords, usage and examples drive the parser, help and suggestions.
 * The first keyword of each language is the one shown to people.
 */
export type CommandSpec<A = unknown> = {
  intent: string;
  area: string;
  keywords: Record<Locale, string[]>;
  summary: Text;
  usage: Text;
  examples: Record<Locale, string[]>;
  parse(rest: string, ctx: ParseContext): ParseResult<A>;
  handle(ctx: TurnContext, args: A): Promise<void>;
  /** Platforms with forms open this when the command is sent bare or a field is missing. */
  form?: FormSpec<A>;
  /** What text that failed to parse did say, as form values, to prefill the form. */
  draft?(rest: string, ctx: ParseContext): Record<string, string>;
  /** Writes something: when recognised from free text rather than typed exactly, it is confirmed first. */
  writes?: boolean | ((args: A) => boolean);
  /**
   * Saying no is how this command is asked for ("别再发摘要了", "don't send me reminders"): a
   * negation does not turn it down as it does other writes.
   */
  negative?: boolean;
  /** The confirmation card's lines: everything understood, in the person's language. */
  preview?(ctx: TurnContext, args: A): Promise<[string, string][]>;
};

/** A card button handler; `actionId` is namespaced by flow (`help.topic`). */
export type ActionSpec = {
  actionId: string;
  handle(ctx: TurnContext, action: CardAction): Promise<void>;
  /**
   * Where the platform can open a form from this click, open this command's form instead of
   * running `handle` (e.g. Reject asks for the reason in a form; elsewhere it asks in text); null:
   * this click needs no form.
   */
  form?(action: CardAction): { intent: string; draft: Record<string, string> } | null;
};

/**
 * Scheduled work a flow owns; `src/` runs it every `every` (an agenda interval). It must be
 * idempotent and safe to run twice at once: on the embedded store agenda's locks do not hold.
 */
export type JobSpec = {
  name: string;
  every: string;
  run(deps: JobDeps): Promise<unknown>;
};

export type JobDeps = {
  now: Date;
  notify(employeeId: string, message: Message): Promise<MessageRef[]>;
  /** Brings a card already sent up to date (a request a job decided or escalated). */
  update(ref: MessageRef, reply: Reply): Promise<void>;
  reminders: Reminders;
  /** The platforms' directories, when any platform is connected (the directory sync). */
  directorySync?: DirectorySync;
};

export type Flow = {
  name: string;
  areas: Area[];
  commands: CommandSpec[];
  /**
   * Commands defined at run time (admin-defined request types), read on every turn from the
   * flow's in-memory cache; the same array until they change.
   */
  liveCommands?(): Promise<readonly CommandSpec[]>;
  actions: ActionSpec[];
  jobs?: JobSpec[];
  /** How people ask for this flow's commands in their own words, by intent: what the understanding layer learns from. */
  phrasings?: Phrasings;
  /** Sentence readers by intent, for commands whose grammar parser cannot read a free sentence. */
  readers?: Record<string, SentenceReader>;
  /** Data migrations this flow's storage needs, run in order at start-up (see db/migrations.ts). */
  migrations?: MigrationSpec[];
  /** Data this flow keeps in memory for every turn (the directory, the catalogue). */
  caches?: CacheSpec[];
  /** What this flow adds to everyone's morning digest; the digests flow loops over them. */
  digestSections?: DigestSectionSpec[];
  /**
   * The flow's admin REST endpoints (imports, exports, repairs), with their full paths under
   * /api (`/import/customers`); src/admin mounts every flow's behind the bearer token.
   */
  adminRoutes?(deps: AdminDeps): Hono;
  /** CSV imports (`POST /api/import/<kind>`), run by src/imports as background jobs. */
  imports?: ImportSpec[];
  /**
   * Someone left (the directory sync deactivated them): hand what they held to `managerId`
   * (their manager, or the first one up the line who stays; null when there is none).
   */
  onEmployeeLeft?(employeeId: string, managerId: string | null, now: Date): Promise<void>;
  /** What this flow shows on a person's home (Slack App Home, Lark's menu card). */
  homeSections?: HomeSectionSpec[];
};

/**
 * What admin endpoints get from the wiring: the app's clock, reminders to send through, every
 * flow's fixed commands (a keyword an upload may not take), and the directory sync when a
 * platform can list people.
 */
export type AdminDeps = {
  now: Clock;
  reminders: Reminders;
  commands: readonly CommandSpec[];
  directorySync?: DirectorySync;
};

/**
 * An in-process copy that chat turns read instead of the database. `src/` starts it (a full
 * load) before the app serves and stops it with the app; it keeps itself current in between.
 */
export type CacheSpec = {
  name: string;
  start(log: Logger): Promise<void>;
  stop(): Promise<void>;
};

/** Whole sentences by intent, any language or both mixed ("我明天想请一天假", "can I take Friday off?"). */
export type Phrasings = Record<string, string[]>;

/** A resumable, idempotent batch migration: `step` returns `cursor: null` when done; `now` is the app's clock. */
export type MigrationSpec = {
  id: string;
  step(cursor: string | null, now: Date): Promise<{ cursor: string | null; migrated: number }>;
};

/** Helper so a command's `A` is checked against its own parse and handle. */
export function defineCommand<A>(spec: CommandSpec<A>): CommandSpec {
  return spec as CommandSpec;
}
