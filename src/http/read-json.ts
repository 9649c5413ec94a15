import type { Context } from 'hono';
import type { z } from 'zod';

/**
 * Reads and validates a JSON body. Malformed JSON and schema failures both come back as one
 * line naming the first problem, for a 400 — user input never becomes a 500.
 */
export async function readJson<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<{ data: z.infer<T> } | { error: string }> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    return { error: 'body must be JSON' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { data: parsed.data };
  const issue = parsed.error.issues[0];
  return { error: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid body' };
}
