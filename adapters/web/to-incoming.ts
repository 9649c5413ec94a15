import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  type CardAction,
  type FormSubmission,
  type Incoming,
  type IncomingFile,
  LOCALES,
} from '../../src/bot/types.js';

const email = z.string().trim().toLowerCase().pipe(z.email());
/** A client may send its own id so that a retried POST is not handled twice. */
const clientId = z.string().trim().min(1).max(200).optional();

export const messageBody = z
  .object({
    employee: email,
    // the router answers text over its own limit; this only bounds what is read at all
    text: z.string().trim().max(40_000),
    messageId: clientId,
    /** The client draws forms (the page does); API clients without it get text answers. */
    forms: z.boolean().optional(),
    /** Ids of the sender's uploads (POST /web/api/files); more than a request takes is the flow's to refuse. */
    files: z.array(z.string().min(1).max(64)).max(20).optional(),
  })
  .refine((b) => b.text !== '' || Boolean(b.files?.length), {
    message: 'text (or files) is required',
    path: ['text'],
  });
/** Whose conversation, and (for the live stream) the last event the page has. */
export const personQuery = z.object({
  employee: email,
  after: z.coerce.number().int().min(0).default(0),
});
export const actionBody = z.object({
  employee: email,
  actionId: z.string().min(1).max(255),
  value: z.string().max(2000).default(''),
  /** The clicked button's `locale`, as the reply carrying it gave it. */
  locale: z.enum(LOCALES).optional(),
  eventId: clientId,
  forms: z.boolean().optional(),
});
/** A filled-in form: the values by field name, as the form the API handed out named them. */
export const formBody = z.object({
  employee: email,
  intent: z.string().min(1).max(100),
  values: z.record(z.string(), z.string().max(4000)),
  locale: z.enum(LOCALES).optional(),
  eventId: clientId,
});

/** The web chat has one tenant and identifies people by e-mail. */
export function toIncoming(
  body: z.infer<typeof messageBody>,
  receivedAt: Date,
  files: IncomingFile[] = [],
): Incoming {
  return {
    platform: 'web',
    tenant: 'local',
    platformUserId: body.employee,
    chat: { id: body.employee, kind: 'dm' },
    text: body.text,
    messageId: body.messageId ?? randomUUID(),
    receivedAt,
    ...(body.forms ? { forms: 'now' as const } : {}),
    ...(files.length ? { files } : {}),
  };
}

export function toCardAction(body: z.infer<typeof actionBody>): CardAction {
  return {
    platform: 'web',
    tenant: 'local',
    platformUserId: body.employee,
    actionId: body.actionId,
    value: body.value,
    eventId: body.eventId ?? randomUUID(),
    ...(body.locale ? { locale: body.locale } : {}),
    ...(body.forms ? { canOpenForm: true } : {}),
  };
}

export function toSubmission(body: z.infer<typeof formBody>): FormSubmission {
  return {
    platform: 'web',
    tenant: 'local',
    platformUserId: body.employee,
    intent: body.intent,
    values: body.values,
    eventId: body.eventId ?? randomUUID(),
    ...(body.locale ? { locale: body.locale } : {}),
  };
}
