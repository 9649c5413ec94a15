import type { SourcePerson } from '../../src/bot/directory-source.js';

/** An employee as the plan sees them (from the directory). */
export type Known = {
  id: string;
  name: string;
  email: string;
  department: string;
  managerEmail: string | null;
  active: boolean;
  accounts: { platform: string; teamId: string; userId: string }[];
};

type Fields = { name?: string; department?: string; managerEmail?: string | null; active?: boolean };

/** What a sync would do, each line with its reason; a dry run returns only this. */
export type SyncPlan = {
  create: {
    email: string;
    name: string;
    department: string;
    managerEmail: string | null;
    timezone?: string;
  }[];
  update: { email: string; changes: Fields; reason: string }[];
  bind: { email: string; platform: 'slack' | 'lark'; teamId: string; userId: string }[];
  deactivate: { id: string; email: string; name: string; reason: string }[];
  /** People the platforms list but the sync leaves alone (no e-mail, an account bound to someone else). */
  skipped: { platform: string; userId: string; name: string; reason: string }[];
};

const accountKey = (a: { platform: string; teamId: string; userId: string }) =>
  `${a.platform}:${a.teamId}:${a.userId}`;

/**
 * Compares the company with what the platforms list, matching by e-mail only (names repeat and
 * change). Earlier sources win on details (Lark before Slack: it knows departments and managers).
 * Someone is deactivated when no platform lists them as active and either one lists them as
 * gone, or one that has their account bound no longer lists it. People no platform knows (CSV
 * only, web chat) are left alone.
 * @example planSync(known, await source.list())
 */
export function planSync(known: Known[], people: SourcePerson[]): SyncPlan {
  const plan: SyncPlan = { create: [], update: [], bind: [], deactivate: [], skipped: [] };
  const byEmail = new Map(known.map((k) => [k.email, k]));
  const holder = new Map(known.flatMap((k) => k.accounts.map((a) => [accountKey(a), k] as const)));
  const listedAccounts = new Set(people.map(accountKey));
  const listedTeams = new Set(people.map((p) => `${p.platform}:${p.teamId}`));
  const emailOfAccount = new Map(people.flatMap((p) => (p.email ? [[accountKey(p), p.email] as const] : [])));

  // one entry per e-mail, merged over the sources in order
  const merged = new Map<string, { person: SourcePerson; managerEmail: string | null; active: boolean }>();
  for (const p of people) {
    if (!p.email) {
      plan.skipped.push({ platform: p.platform, userId: p.userId, name: p.name, reason: 'no e-mail' });
      continue;
    }
    const managerEmail = p.managerUserId
      ? (emailOfAccount.get(accountKey({ ...p, userId: p.managerUserId })) ?? null)
      : null;
    const seen = merged.get(p.email);
    if (!seen) merged.set(p.email, { person: p, managerEmail, active: p.active });
    else {
      seen.active ||= p.active;
      seen.managerEmail ??= managerEmail;
      if (!seen.person.department) seen.person = { ...seen.person, department: p.department };
    }
  }

  for (const [email, { person, managerEmail, active }] of merged) {
    const current = byEmail.get(email);
    if (!current) {
      if (active)
        plan.create.push({
          email,
          name: person.name,
          department: person.department,
          managerEmail,
          ...(person.timezone ? { timezone: person.timezone } : {}),
        });
      continue;
    }
    const changes: Fields = {};
    if (active && person.name && person.name !== current.name) changes.name = person.name;
    if (active && person.department && person.department !== current.department)
      changes.department = person.department;
    if (active && managerEmail && managerEmail !== current.managerEmail && managerEmail !== email)
      changes.managerEmail = managerEmail;
    if (active && !current.active) changes.active = true;
    if (Object.keys(changes).length > 0)
      plan.update.push({
        email,
        changes,
        reason: changes.active ? 'listed as active again' : 'details changed',
      });
  }

  const creating = new Set(plan.create.map((c) => c.email));
  for (const p of people) {
    if (!p.email || !merged.get(p.email)?.active) continue;
    const bound = holder.get(accountKey(p));
    if (!bound && (byEmail.has(p.email) || creating.has(p.email)))
      plan.bind.push({ email: p.email, platform: p.platform, teamId: p.teamId, userId: p.userId });
    else if (bound && bound.email !== p.email)
      plan.skipped.push({
        platform: p.platform,
        userId: p.userId,
        name: p.name,
        reason: `account bound to ${bound.email}`,
      });
  }

  for (const k of known) {
    if (!k.active || merged.get(k.email)?.active) continue;
    const goneAccount = k.accounts.find(
      (a) => listedTeams.has(`${a.platform}:${a.teamId}`) && !listedAccounts.has(accountKey(a)),
    );
    if (merged.has(k.email))
      plan.deactivate.push({ id: k.id, email: k.email, name: k.name, reason: 'deactivated on the platform' });
    else if (goneAccount)
      plan.deactivate.push({
        id: k.id,
        email: k.email,
        name: k.name,
        reason: `no longer listed by ${goneAccount.platform}`,
      });
  }
  return plan;
}
