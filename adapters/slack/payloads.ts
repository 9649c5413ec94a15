import { z } from 'zod';

// The parts of Slack's payloads the adapter reads, as Slack documents them. Anything else
// (unknown event types, shortcuts) is acknowledged and ignored rather than refused, so a new
// Slack feature never turns into retries; a payload missing what it needs is a 400.

const id = z.string().min(1).max(255);

export const urlVerification = z.object({ type: z.literal('url_verification'), challenge: z.string() });

export const slackEvent = z.object({
  type: z.string(),
  user: id.optional(),
  text: z.string().optional(),
  channel: id.optional(),
  channel_type: z.string().optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
  /** Set on anything a bot (including this one) posted. */
  bot_id: z.string().optional(),
  /** Edits, deletions, joins, bot messages: never commands (`file_share` is a message with files). */
  subtype: z.string().optional(),
  /** app_home_opened: which tab (`home` or `messages`). */
  tab: z.string().optional(),
  /** Files shared with the message; more than a message can carry is refused by the flow, not here. */
  files: z
    .array(
      z.object({
        id,
        name: z.string().max(1000).nullish(),
        title: z.string().max(1000).nullish(),
        url_private: z.string().max(2000).nullish(),
        size: z.number().int().min(0).nullish(),
        mimetype: z.string().max(255).nullish(),
      }),
    )
    .max(100)
    .optional(),
});

export const eventCallback = z.object({
  type: z.literal('event_callback'),
  team_id: id,
  event_id: id,
  event: slackEvent,
});

export const slashCommand = z.object({
  command: z.string().min(2),
  text: z.string().max(40_000).default(''),
  user_id: id,
  team_id: id,
  channel_id: id,
  trigger_id: z.string().optional(),
});

const user = z.object({ id, team_id: id.optional() });
const team = z.object({ id }).nullish();

export const blockActions = z.object({
  type: z.literal('block_actions'),
  user,
  team,
  trigger_id: z.string().optional(),
  actions: z
    .array(z.object({ action_id: id, value: z.string().max(2000).optional(), action_ts: z.string() }))
    .min(1),
  channel: z.object({ id }).optional(),
  container: z.object({ channel_id: id.optional(), message_ts: z.string().optional() }).optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  /** Set when the click was on a view: `home` for the App Home tab. */
  view: z.object({ type: z.string() }).optional(),
});

const stateValue = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
});

export const viewSubmission = z.object({
  type: z.literal('view_submission'),
  user,
  team,
  view: z.object({
    id,
    private_metadata: z.string().max(3000),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), stateValue)) }),
  }),
});

export type EventCallback = z.infer<typeof eventCallback>;
export type SlashCommand = z.infer<typeof slashCommand>;
export type BlockActions = z.infer<typeof blockActions>;
export type ViewSubmission = z.infer<typeof viewSubmission>;

/** What one request from Slack is, once recognised; `ignored` is acked with nothing done. */
export type SlackPayload =
  | { kind: 'url_verification'; challenge: string }
  | { kind: 'event'; body: EventCallback }
  | { kind: 'command'; body: SlashCommand }
  | { kind: 'block_actions'; body: BlockActions }
  | { kind: 'view_submission'; body: ViewSubmission }
  | { kind: 'ignored' };

/**
 * Recognises a parsed body by its shape — the same for HTTP and Socket Mode. A known type
 * missing required fields is an error (400), an unknown one is ignored.
 */
export function classify(body: unknown): SlackPayload | { error: string } {
  if (typeof body !== 'object' || body === null) return { error: 'body must be an object' };
  const shape = body as { type?: unknown; command?: unknown };
  const pick = <T extends z.ZodType>(schema: T, wrap: (data: z.infer<T>) => SlackPayload) => {
    const parsed = schema.safeParse(body);
    if (parsed.success) return wrap(parsed.data);
    const issue = parsed.error.issues[0];
    return { error: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid body' };
  };
  if (typeof shape.command === 'string') return pick(slashCommand, (b) => ({ kind: 'command', body: b }));
  switch (shape.type) {
    case 'url_verification':
      return pick(urlVerification, (b) => ({ kind: 'url_verification', challenge: b.challenge }));
    case 'event_callback':
      return pick(eventCallback, (b) => ({ kind: 'event', body: b }));
    case 'block_actions':
      return pick(blockActions, (b) => ({ kind: 'block_actions', body: b }));
    case 'view_submission':
      return pick(viewSubmission, (b) => ({ kind: 'view_submission', body: b }));
    case undefined:
      return { error: 'body has no type' };
    default:
      return { kind: 'ignored' };
  }
}
