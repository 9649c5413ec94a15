/** The neutral message model every adapter translates to and from. No platform types here. */

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
export type Platform = 'web' | 'slack' | 'lark';

/** Who is talking, as resolved from a platform account. */
export type Person = {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  timezone: string;
  roles: string[];
  /** Their own default for amounts written without a currency; unset = the company's. */
  currency?: string;
};

export type ChatRef = { id: string; kind: 'dm' | 'group' };

/**
 * A file shared in the chat, as the platform names it: a Slack file (`url` its url_private), a
 * Lark file or image key (no url: Lark serves files only through its API), a web upload (`url`
 * the download route). Only the reference is carried; the bytes stay where they are.
 */
export type IncomingFile = {
  platform: Platform;
  id: string;
  name: string;
  url?: string;
  size?: number;
  mimeType?: string;
};

/** A message someone typed. `messageId` is the platform's id, used to drop retries. */
export type Incoming = {
  platform: Platform;
  tenant: string;
  platformUserId: string;
  chat: ChatRef;
  text: string;
  messageId: string;
  receivedAt: Date;
  /** Files sent with the message (or alone: then `text` is empty). */
  files?: IncomingFile[];
  /**
   * What the platform can do with forms: open one right now (Slack slash command: a trigger_id is
   * at hand), open one from a button click, or nothing (unset).
   */
  forms?: 'now' | 'via-button';
  /** Asks the platform for the sender's e-mail, to bind an account seen for the first time. */
  lookupEmail?: () => Promise<string | null>;
};

/** A sent message, enough for the adapter that sent it to update it later. */
export type MessageRef = {
  platform: Platform;
  channelId: string;
  messageId: string;
  /** The employee this copy was sent to: an update shows them only their own buttons. */
  reader?: string;
};

/** A button someone clicked on a card. */
export type CardAction = {
  platform: Platform;
  tenant: string;
  platformUserId: string;
  actionId: string;
  value: string;
  /** Unique per click, so a retried delivery is not handled twice. */
  eventId: string;
  message?: MessageRef;
  /** True where a click can open a form (the platform gave a trigger for it). */
  canOpenForm?: boolean;
  /** The button's `locale`, carried back by the adapter; unset on cards sent before buttons had one. */
  locale?: Locale;
  lookupEmail?: () => Promise<string | null>;
};

/** A form the person filled in (a Slack modal, a web form), named by the command it feeds. */
export type FormSubmission = {
  platform: Platform;
  tenant: string;
  platformUserId: string;
  intent: string;
  values: Record<string, string>;
  eventId: string;
  /** The form's `locale`, carried back by the adapter. */
  locale?: Locale;
  lookupEmail?: () => Promise<string | null>;
};

export type FormFieldKind = 'text' | 'textarea' | 'number' | 'date' | 'select';

/** A form to show, already in the person's language. */
export type Form = {
  intent: string;
  /** The language it is written in; its answer is given in it too. */
  locale: Locale;
  title: string;
  fields: {
    name: string;
    label: string;
    kind: FormFieldKind;
    optional: boolean;
    options?: { value: string; label: string }[];
    initial?: string;
  }[];
};

export type ButtonStyle = 'primary' | 'danger' | 'default';

/**
 * Who may press a button, as the flow that checks the click knows it: these employees, anyone
 * with one of these roles, never the `not` ones. Unset: everyone. The core drops the button from
 * each copy whose reader is outside it (src/bot/audience.ts); the click is still checked.
 */
export type Audience = { ids?: string[]; roles?: string[]; not?: string[] };

export type Button = {
  actionId: string;
  label: string;
  style: ButtonStyle;
  value: string;
  /**
   * The language of the card it is on, so a click is answered in it (set by the core on
   * everything it sends; adapters carry it to `CardAction.locale`).
   */
  locale?: Locale;
  /** Only for these readers; adapters never see it (the core keeps or drops the button). */
  for?: Audience;
};
export type CardStatus = 'info' | 'pending' | 'approved' | 'rejected' | 'warning' | 'done';

/**
 * Numbers to draw. Adapters that can show an image draw it (the web chat: SVG); the card's
 * `body` or `fields` always carry the same numbers, so the rest show those.
 */
export type Chart =
  | { kind: 'bar'; title: string; bars: { label: string; value: number }[] }
  /** Values over time, oldest first (a week, a month per point). */
  | { kind: 'line'; title: string; points: { label: string; value: number }[] };

export type Card = {
  title: string;
  subtitle?: string;
  fields: [label: string, value: string][];
  body?: string;
  chart?: Chart;
  status?: CardStatus;
  actions: Button[];
};

/**
 * A file made for the person (an export), sent with its caption `text`. Adapters deliver it their
 * way: Slack and Lark upload it to the person's DM, the web chat keeps it for them alone and
 * answers with a download link; code that knows only text shows the caption.
 */
export type ReplyFile = { name: string; contentType: string; bytes: Buffer };

export type Reply = { text: string } | { card: Card } | { text: string; file: ReplyFile };

/** Who a proactive message is for, as far as writing it goes: their language and zone. */
export type Addressee = { locale: Locale; timezone: string };

/**
 * A proactive message: finished, or built for its addressee (`(to) => …`), so a flow never looks
 * up someone's language before telling them something.
 */
export type Message = Reply | ((to: Addressee) => Reply);

/** Button action id that opens a command's form; its value is the intent. */
export const OPEN_FORM_ACTION = 'form.open';

/** Where a proactive message goes: a platform account of a person. */
export type Target = { platform: Platform; tenant: string; userId: string; employeeId: string };

/** Implemented by each adapter; flows never see it, they call `notify`. */
export type Messenger = {
  platform: Platform;
  send(target: Target, reply: Reply): Promise<MessageRef>;
  /** Replaces a sent message (e.g. every copy of a card once it is decided). */
  update(ref: MessageRef, reply: Reply): Promise<void>;
};

/** What the router hands back to an adapter for one incoming message or click. */
export type Outcome =
  | { kind: 'replies'; replies: Reply[] }
  | { kind: 'unknown-user'; replies: Reply[] }
  | { kind: 'duplicate' }
  /** Open this form (only when the adapter said it can). */
  | { kind: 'form'; form: Form }
  /** A submitted form had errors: field name → message, to show next to the fields. */
  | { kind: 'invalid'; errors: Record<string, string> };
