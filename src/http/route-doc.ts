import type { MiddlewareHandler } from 'hono';
import { COMPOSED_HANDLER } from 'hono/utils/constants';
import type { z } from 'zod';

/** A request body an admin route takes. */
export type BodyDoc =
  | { json: z.ZodType }
  /** CSV text: its columns, as the import documents them. */
  | { csv: string };

/** What a route answers with a status; `json` when the body has a schema worth showing. */
export type ResponseDoc = { description: string; json?: z.ZodType; contentType?: string };

/**
 * An admin route as its OpenAPI operation. Written beside the route, from the same zod schemas
 * the route validates with, so the description cannot drift from what is checked.
 */
export type RouteDoc = {
  summary: string;
  description?: string;
  /** Groups the reference's sections, usually the flow's name. */
  tag: string;
  query?: z.ZodObject;
  body?: BodyDoc;
  responses: Record<number, ResponseDoc>;
};

const DOC = Symbol('route-doc');
type Described = MiddlewareHandler & { [DOC]?: RouteDoc };

/**
 * Put first among a route's handlers: it passes straight through at run time and carries the
 * route's description for `/api/openapi.json`.
 * @example api.get('/crm/analytics', documented({ summary: …, tag: 'crm', query, responses }), handler)
 */
export function documented(doc: RouteDoc): MiddlewareHandler {
  const pass: Described = async (_c, next) => {
    await next();
  };
  pass[DOC] = doc;
  return pass;
}

/**
 * The description a handler carries, if it is one made by `documented`. A sub-app with its own
 * `onError` is mounted with each handler wrapped; hono keeps the original under COMPOSED_HANDLER.
 */
export function docOf(handler: unknown): RouteDoc | undefined {
  const h = handler as Described & { [COMPOSED_HANDLER]?: Described };
  return h[DOC] ?? h[COMPOSED_HANDLER]?.[DOC];
}
