import type { Hono } from 'hono';
import { z } from 'zod';
import { docOf, type ResponseDoc, type RouteDoc } from '../http/route-doc.js';

type Operation = { method: string; path: string; doc?: RouteDoc };

/** Every method + path the admin app answers, with its description when it has one. */
export function operationsOf(api: Hono): Operation[] {
  const byKey = new Map<string, Operation>();
  for (const route of api.routes) {
    // `use` middleware (token check, body limit) is registered for every method on a wildcard
    if (route.method === 'ALL') continue;
    const key = `${route.method} ${route.path}`;
    const op = byKey.get(key) ?? { method: route.method.toLowerCase(), path: route.path };
    op.doc ??= docOf(route.handler);
    byKey.set(key, op);
  }
  return [...byKey.values()];
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function parameters(op: Operation) {
  const inPath = [...op.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = op.doc?.query ? jsonSchema(op.doc.query, 'input') : undefined;
  const properties = (query?.properties ?? {}) as Record<string, object>;
  const required = new Set((query?.required as string[] | undefined) ?? []);
  const inQuery = Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema,
  }));
  return [...inPath, ...inQuery];
}

function response({ description, json, contentType }: ResponseDoc) {
  if (json) return { description, content: { 'application/json': { schema: jsonSchema(json, 'output') } } };
  if (contentType) return { description, content: { [contentType]: {} } };
  return { description };
}

function operation(op: Operation & { doc: RouteDoc }) {
  const { doc } = op;
  const body = doc.body
    ? 'json' in doc.body
      ? { required: true, content: { 'application/json': { schema: jsonSchema(doc.body.json, 'input') } } }
      : { required: true, content: { 'text/csv': { schema: { type: 'string', description: doc.body.csv } } } }
    : undefined;
  return {
    tags: [doc.tag],
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    parameters: parameters(op),
    ...(body ? { requestBody: body } : {}),
    responses: {
      ...Object.fromEntries(Object.entries(doc.responses).map(([status, r]) => [status, response(r)])),
      401: { description: 'no or wrong bearer token' },
      503: { description: 'the admin API is off (ADMIN_TOKEN unset) or the database is unavailable' },
    },
  };
}

/** OpenAPI 3.1 for the admin API (mounted at /api), from the routes' own descriptions. */
export function openApiDocument(api: Hono) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operationsOf(api)) {
    if (!op.doc) continue;
    const path = `/api${op.path.replace(/:(\w+)/g, '{$1}')}`;
    paths[path] = { ...paths[path], [op.method]: operation(op as Operation & { doc: RouteDoc }) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Workplace assistant — admin API',
      version: '1',
      description:
        'Employees and identities, imports, exports and reports, repairs. Every call needs `Authorization: Bearer <ADMIN_TOKEN>`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
