/** The neutral message model every adapter translates to and from. No platform types here. */

export type Locale = 'zh-CN' | 'en';
export type Platform = 'web' | 'slack' | 'lark';

/** Who is talking, as resolved from a platform account. */
export type Person = {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  timezone: string;
  roles: string[];
};

export type ChatRef = { id: string; kind: 'dm' | 'group' };

/** A message someone typed. `messageId` is the platform's id, used to drop retries. */
export type Incoming = {
  platform: Platform;
  tenant: string;
  platformUserId: string;
  chat: ChatRef;
  text: string;
  messageId: string;
  receivedAt: Date;
};

/** A sent message, enough for the adapter that sent it to update it later. */
export type MessageRef = { platform: Platform; channelId: string; messageId: string };

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
};

export type ButtonStyle = 'primary' | 'danger' | 'default';
export type Button = { actionId: string; label: string; style: ButtonStyle; value: string };
export type CardStatus = 'info' | 'pending' | 'approved' | 'rejected' | 'warning' | 'done';

export type Card = {
  title: string;
  subtitle?: string;
  fields: [label: string, value: string][];
  body?: string;
  status?: CardStatus;
  actions: Button[];
};

export type Reply = { text: string } | { card: Card };

/** Where a proactive message goes: a platform account of a person. */
export type Target = { platform: Platform; tenant: string; userId: string; employeeId: string };

/** Implemented by each adapter; flows never see it, they call `notify`. */
export type Messenger = {
  platform: Platform;
  send(target: Target, reply: Reply): Promise<MessageRef>;
  update(ref: MessageRef, reply: Reply): Promise<void>;
};

/** What the router hands back to an adapter for one incoming message or click. */
export type Outcome =
  | { kind: 'replies'; replies: Reply[] }
  | { kind: 'unknown-user'; replies: Reply[] }
  | { kind: 'duplicate' };
