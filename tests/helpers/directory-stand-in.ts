import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Slack `users.list` member, as much of it as the sync reads. */
export type SlackMember = {
  id: string;
  team_id: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  tz?: string;
  profile?: { email?: string; real_name?: string };
};
export type LarkDepartment = { open_department_id: string; name: string; leader_user_id?: string };
export type LarkUser = {
  open_id: string;
  name: string;
  email?: string;
  department_ids: string[];
  leader_user_id?: string;
  status?: { is_resigned?: boolean };
};

/**
 * Slack's `users.list` (under `/api/`) and Lark's contact API (under `/open-apis/`) on one local
 * server, answered from the lists below, which a test edits between syncs. Pages are small
 * (`pageSize`) so the sources' cursor and page-token loops run. Every request is counted by path.
 */
export async function startDirectoryStandIn(tenantKey = 'tenant-demo') {
  const state = {
    slack: [] as SlackMember[],
    larkDepartments: [] as LarkDepartment[],
    /** Users by the department that lists them ('0' = the root). */
    larkUsers: new Map<string, LarkUser[]>(),
    pageSize: 2,
    /** Set: Slack answers users.list with this error (a revoked token). */
    slackError: null as string | null,
    hits: new Map<string, number>(),
  };
  const page = <T>(items: T[], token: string | null) => {
    const from = Number(token ?? 0);
    const next = from + state.pageSize;
    return { items: items.slice(from, next), more: next < items.length ? String(next) : null };
  };
  const server: Server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const url = new URL(req.url ?? '/', 'http://stand-in');
    state.hits.set(url.pathname, (state.hits.get(url.pathname) ?? 0) + 1);
    const send = (json: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    const lark = (data: unknown) => send({ code: 0, msg: 'success', data });
    switch (url.pathname) {
      case '/api/users.list': {
        if (state.slackError) return send({ ok: false, error: state.slackError });
        const { items, more } = page(state.slack, new URLSearchParams(raw).get('cursor'));
        return send({ ok: true, members: items, response_metadata: { next_cursor: more ?? '' } });
      }
      case '/open-apis/auth/v3/tenant_access_token/internal':
        return send({ code: 0, msg: 'ok', tenant_access_token: 't-directory', expire: 7200 });
      case '/open-apis/tenant/v2/tenant/query':
        return lark({ tenant: { name: 'Demo', tenant_key: tenantKey } });
      case '/open-apis/contact/v3/departments/0/children': {
        const { items, more } = page(state.larkDepartments, url.searchParams.get('page_token'));
        return lark({ items, has_more: more !== null, ...(more ? { page_token: more } : {}) });
      }
      case '/open-apis/contact/v3/users/find_by_department': {
        const listed = state.larkUsers.get(url.searchParams.get('department_id') ?? '') ?? [];
        const { items, more } = page(listed, url.searchParams.get('page_token'));
        return lark({ items, has_more: more !== null, ...(more ? { page_token: more } : {}) });
      }
      default:
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ code: 404, msg: 'not found' }));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    state,
    slackUrl: `${base}/api/`,
    larkDomain: base,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
export type DirectoryStandIn = Awaited<ReturnType<typeof startDirectoryStandIn>>;
