import type { Form, Outcome, Reply } from '../../src/bot/types.js';
import { drawCharts } from './draw-charts.js';

/** What the JSON API answers: the page draws the neutral replies itself (page.ts). */
export type WebResponse =
  | { status: 200; body: { replies: Reply[]; duplicate?: true; form?: Form } }
  | { status: 404; body: { error: string } }
  /** A form with errors: field name → message, drawn beside the fields. */
  | { status: 422; body: { error: string; fields: Record<string, string> } };

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
      return { status: 200, body: { replies: outcome.replies.map(drawCharts) } };
    // only offered to clients that said they draw forms (`forms: true`)
    case 'form':
      return { status: 200, body: { replies: [], form: outcome.form } };
    case 'invalid':
      return { status: 422, body: { error: 'invalid form', fields: outcome.errors } };
  }
}
