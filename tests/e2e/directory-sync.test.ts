import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee } from '../../db/models/employee.js';
import { Identity } from '../../db/models/identity.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { type DirectoryStandIn, startDirectoryStandIn } from '../helpers/directory-stand-in.js';
import { BOT_TOKEN, SIGNING_SECRET, TEAM } from '../helpers/slack.js';

let standIn: DirectoryStandIn;
beforeAll(async () => {
  standIn = await startDirectoryStandIn();
  standIn.state.slack = [
    {
      id: 'U_LI',
      team_id: TEAM,
      real_name: '李伟',
      profile: { email: 'li.wei@demo.example', real_name: '李伟' },
    },
    { id: 'U_HIRE', team_id: TEAM, real_name: 'New Hire', profile: { email: 'new.hire@demo.example' } },
  ];
});
afterAll(() => standIn.close());
const app = useTestApp({
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_BOT_TOKEN: BOT_TOKEN,
  get SLACK_API_URL() {
    return standIn.slackUrl;
  },
});
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe('POST /api/directory/sync', () => {
  it('dry_run=1 returns the plan and writes nothing; without it the plan is applied', async () => {
    const before = await Employee.countDocuments({});
    const dry = await app.current.post('/api/directory/sync?dry_run=1', '', auth);
    expect(dry.status).toBe(200);
    expect(dry.json.applied).toBe(false);
    expect(dry.json.plan.create).toEqual([
      { email: 'new.hire@demo.example', name: 'New Hire', department: '', managerEmail: null },
    ]);
    expect(dry.json.plan.bind.map((b: { userId: string }) => b.userId)).toEqual(['U_LI', 'U_HIRE']);
    expect(await Employee.countDocuments({})).toBe(before);
    expect(await Identity.countDocuments({ platform: 'slack', teamId: TEAM, userId: 'U_HIRE' })).toBe(0);

    const done = await app.current.post('/api/directory/sync', '', auth);
    expect(done).toMatchObject({ status: 200, json: { applied: true, failed: [] } });
    expect(await Employee.countDocuments({})).toBe(before + 1);
    expect(await Identity.countDocuments({ platform: 'slack', teamId: TEAM, userId: 'U_HIRE' })).toBe(1);
  });

  it('needs the admin token and refuses a bad flag', async () => {
    expect((await app.current.post('/api/directory/sync', '')).status).toBe(401);
    const bad = await app.current.post('/api/directory/sync?dry_run=maybe', '', auth);
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/dry_run/);
  });
});
