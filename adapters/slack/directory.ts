import type { DirectorySource, SourcePerson } from '../../src/bot/directory-source.js';
import { slackClient } from './api.js';

type Member = {
  id?: string;
  team_id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_app_user?: boolean;
  tz?: string;
  profile?: { email?: string; real_name?: string; display_name?: string };
};

/** Slack's maximum page; a workspace of 10k people is 50 calls. */
const PAGE = 200;
/** A cursor that never ends (a broken proxy) stops here rather than looping forever. */
const MAX_PAGES = 500;

/**
 * Slack's people (`users.list`, every page) as neutral people. Slack has no departments or
 * managers: those come from Lark or the CSV. Bots and Slackbot are not people.
 */
export function slackDirectory(botToken: string, apiUrl?: string): DirectorySource {
  const client = slackClient(botToken, apiUrl);
  return {
    platform: 'slack',
    async list() {
      const people: SourcePerson[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await client.users.list({ limit: PAGE, ...(cursor ? { cursor } : {}) });
        for (const m of (res.members ?? []) as Member[]) {
          const person = toPerson(m);
          if (person) people.push(person);
        }
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!cursor) return people;
      }
      throw new Error(`users.list: more than ${MAX_PAGES} pages`);
    },
  };
}

function toPerson(m: Member): SourcePerson | null {
  if (!m.id || !m.team_id || m.is_bot || m.is_app_user || m.id === 'USLACKBOT') return null;
  return {
    platform: 'slack',
    teamId: m.team_id,
    userId: m.id,
    email: m.profile?.email?.trim().toLowerCase() || null,
    name: m.profile?.real_name || m.real_name || m.profile?.display_name || m.name || m.id,
    department: '',
    ...(m.tz ? { timezone: m.tz } : {}),
    active: !m.deleted,
  };
}
