import { describe, expect, it } from 'vitest';
import { type Known, planSync } from '../../../flows/org/sync-plan.js';
import type { SourcePerson } from '../../../src/bot/directory-source.js';

const known = (email: string, extra: Partial<Known> = {}): Known => ({
  id: email.split('@')[0] ?? email,
  name: email,
  email,
  department: '',
  managerEmail: null,
  active: true,
  accounts: [],
  ...extra,
});
const slack = (userId: string, email: string | null, extra: Partial<SourcePerson> = {}): SourcePerson => ({
  platform: 'slack',
  teamId: 'T1',
  userId,
  email,
  name: email ?? userId,
  department: '',
  active: true,
  ...extra,
});
const lark = (userId: string, email: string | null, extra: Partial<SourcePerson> = {}): SourcePerson => ({
  ...slack(userId, email, extra),
  platform: 'lark',
  teamId: 'tk',
});

describe('planSync (pure)', () => {
  it('matches by e-mail, never by name: a same-named stranger is a new person', () => {
    const plan = planSync(
      [known('li@x.example', { name: 'Li' })],
      [slack('U2', 'other.li@x.example', { name: 'Li' })],
    );
    expect(plan.create.map((c) => c.email)).toEqual(['other.li@x.example']);
    expect(plan.update).toEqual([]);
  });

  it('keeps someone one platform deactivated while another still lists them as active', () => {
    const me = known('a@x.example', { accounts: [{ platform: 'slack', teamId: 'T1', userId: 'U1' }] });
    const plan = planSync([me], [slack('U1', 'a@x.example', { active: false }), lark('ou_1', 'a@x.example')]);
    expect(plan.deactivate).toEqual([]);
    expect(plan.bind).toEqual([{ email: 'a@x.example', platform: 'lark', teamId: 'tk', userId: 'ou_1' }]);
  });

  it('reports accounts without e-mail and accounts bound to someone else, and writes nothing for them', () => {
    const bob = known('bob@x.example', { accounts: [{ platform: 'slack', teamId: 'T1', userId: 'U9' }] });
    const plan = planSync(
      [bob, known('eve@x.example')],
      [slack('U9', 'eve@x.example'), slack('U0', null), slack('U8', 'bob@x.example')],
    );
    expect(plan.skipped).toEqual([
      { platform: 'slack', userId: 'U0', name: 'U0', reason: 'no e-mail' },
      { platform: 'slack', userId: 'U9', name: 'eve@x.example', reason: 'account bound to bob@x.example' },
    ]);
    expect(plan.create).toEqual([]);
    expect(plan.deactivate).toEqual([]);
  });

  it('an empty listing deactivates nobody: absence only counts on a team the platform answered for', () => {
    const bound = known('a@x.example', { accounts: [{ platform: 'slack', teamId: 'T1', userId: 'U1' }] });
    expect(planSync([bound], []).deactivate).toEqual([]);
    expect(planSync([bound], [lark('ou_1', 'b@x.example')]).deactivate).toEqual([]);
    expect(planSync([bound], [slack('U2', 'b@x.example')]).deactivate).toMatchObject([
      { email: 'a@x.example', reason: 'no longer listed by slack' },
    ]);
  });

  it('reactivates someone listed as active again, and never makes a person their own manager', () => {
    const plan = planSync(
      [known('a@x.example', { active: false })],
      [lark('ou_a', 'a@x.example', { managerUserId: 'ou_a' })],
    );
    expect(plan.update).toEqual([
      { email: 'a@x.example', changes: { active: true }, reason: 'listed as active again' },
    ]);
  });
});
