import { Hono } from 'hono';
import { z } from 'zod';
import { Employee } from '../../db/models/employee.js';
import type { DigestSectionSpec } from '../../src/bot/digest.js';
import type { AdminDeps } from '../../src/bot/flow.js';
import { readJson } from '../../src/http/read-json.js';
import { documented } from '../../src/http/route-doc.js';
import { runDigests } from './run.js';

const body = z.object({ email: z.email().optional() }).strict();

/**
 * POST /api/digests/send: today's morning digest now, for everyone or one person, whatever the
 * time and day. Still once per person per local day: whoever already had today's is skipped.
 */
export function digestAdminRoutes(
  sections: readonly DigestSectionSpec[],
  { now, reminders }: AdminDeps,
): Hono {
  const api = new Hono();
  const doc = documented({
    tag: 'digests',
    summary: 'Send today’s morning digest now, to everyone or one person',
    description: 'Whatever the time and day; still once per person per local day.',
    body: { json: body },
    responses: {
      200: { description: '`{due, sent, empty, skipped}`' },
      400: { description: 'the body is not valid' },
      404: { description: 'no employee with that e-mail' },
    },
  });
  api.post('/digests/send', doc, async (c) => {
    const parsed = await readJson(c, body);
    if ('error' in parsed) return c.json({ error: parsed.error }, 400);
    let only: string[] | undefined;
    const { email } = parsed.data;
    if (email) {
      const employee = await Employee.findOne({ email: email.toLowerCase() }, { _id: 1 }).lean();
      if (!employee) return c.json({ error: `no employee with e-mail ${email}` }, 404);
      only = [String(employee._id)];
    }
    return c.json(await runDigests({ reminders, sections }, now(), { force: true, only }));
  });
  return api;
}
