import type { DirectorySource, SourcePerson } from '../../src/bot/directory-source.js';
import type { LarkConfig } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { larkClient, ok } from './api.js';

type Department = { id: string; name: string; leader?: string };
type Page<T> = { items?: T[]; has_more?: boolean; page_token?: string };
type LarkUser = {
  open_id?: string;
  name: string;
  en_name?: string;
  email?: string;
  enterprise_email?: string;
  department_ids?: string[];
  leader_user_id?: string;
  status?: { is_resigned?: boolean; is_activated?: boolean };
};

/** The root department; its children are fetched recursively in one listing. */
const ROOT = '0';
const PAGE = 50;
const MAX_PAGES = 1000;

/**
 * Lark's contacts (contact v3: every department, the people of each, their leaders) as neutral
 * people. A person's manager is their own leader if set, else their first department's leader.
 * The tenant key is asked once: identities of Lark accounts are keyed by it.
 */
export function larkDirectory(config: LarkConfig, log: Logger): DirectorySource {
  const client = larkClient(config, log);
  const ids = { user_id_type: 'open_id', department_id_type: 'open_department_id' } as const;

  async function pages<T>(fetch: (token?: string) => Promise<Page<T>>): Promise<T[]> {
    const all: T[] = [];
    let token: string | undefined;
    for (let n = 0; n < MAX_PAGES; n++) {
      const page = await fetch(token);
      all.push(...(page.items ?? []));
      token = page.has_more ? page.page_token : undefined;
      if (!token) return all;
    }
    throw new Error(`lark contacts: more than ${MAX_PAGES} pages`);
  }

  async function departments(): Promise<Department[]> {
    const rows = await pages(async (page_token) => {
      const res = await client.contact.v3.department.children({
        path: { department_id: ROOT },
        params: { ...ids, fetch_child: true, page_size: PAGE, ...(page_token ? { page_token } : {}) },
      });
      return ok(res, 'contact.department.children') as Page<{
        open_department_id?: string;
        name: string;
        leader_user_id?: string;
      }>;
    });
    const root: Department = { id: ROOT, name: '' };
    return [
      root,
      ...rows.flatMap((d) =>
        d.open_department_id ? [{ id: d.open_department_id, name: d.name, leader: d.leader_user_id }] : [],
      ),
    ];
  }

  async function usersOf(departmentId: string): Promise<LarkUser[]> {
    return pages(async (page_token) => {
      const res = await client.contact.v3.user.findByDepartment({
        params: {
          ...ids,
          department_id: departmentId,
          page_size: PAGE,
          ...(page_token ? { page_token } : {}),
        },
      });
      return ok(res, 'contact.user.find_by_department') as Page<LarkUser>;
    });
  }

  return {
    platform: 'lark',
    async list() {
      const tenant = ok(await client.tenant.v2.tenant.query(), 'tenant.query').tenant as
        | { tenant_key?: string }
        | undefined;
      if (!tenant?.tenant_key) throw new Error('tenant.query: no tenant_key');
      const all = await departments();
      const byId = new Map(all.map((d) => [d.id, d]));
      const people = new Map<string, SourcePerson>();
      for (const d of all) {
        for (const u of await usersOf(d.id)) {
          // someone in two departments is listed twice: the first listing decides
          if (!u.open_id || people.has(u.open_id)) continue;
          const home = byId.get(u.department_ids?.[0] ?? '') ?? d;
          const leader = u.leader_user_id || (home.leader !== u.open_id ? home.leader : undefined);
          people.set(u.open_id, {
            platform: 'lark',
            teamId: tenant.tenant_key,
            userId: u.open_id,
            email: (u.email || u.enterprise_email)?.trim().toLowerCase() || null,
            name: u.name || u.en_name || u.open_id,
            department: home.name,
            ...(leader ? { managerUserId: leader } : {}),
            active: !u.status?.is_resigned,
          });
        }
      }
      return [...people.values()];
    },
  };
}
