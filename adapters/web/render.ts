import type { Form, Outcome, Reply } from '../../src/bot/types.js';

/** What the JSON API answers: the page draws the neutral replies itself (page.ts). */
export type WebResponse =
  | { status: 200; body: { replies: Reply[]; duplicate?: true; form?: Form } }
  | { status: 400 | 404; body: { error: string; fields?: Record<string, string> } };

/**
 * The router's outcome as the web chat's JSON answer. Cards stay neutral JSON: the browser
 * renders them, so there is no platform card shape to build here.
 * @example toWebResponse({ kind: 'replies', replies: [{ text: 'hi' }] }) // { status: 200, body: { replies: [...] } }
 */
export function toWebResponse(outcome: Outcome): WebResponse {
  switch (outcome.kind) {
    case 'unknown-user':
      return { status: 404, body: { error: 'unknown employee' } };
    case 'duplicate':
      return { status: 200, body: { replies: [], duplicate: true } };
    case 'replies':
      return { status: 200, body: { replies: outcome.replies } };
    // the web chat does not ask for forms yet; these keep the API total if a flow offers one
    case 'form':
      return { status: 200, body: { replies: [], form: outcome.form } };
    case 'invalid':
      return { status: 400, body: { error: 'invalid form', fields: outcome.errors } };
  }
}
