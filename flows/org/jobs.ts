import type { JobSpec } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { readDirectory } from './directory.js';
import { syncDirectory } from './sync.js';

const refusedText = {
  'zh-CN':
    '通讯录同步未执行：将停用 {leaving}/{active} 名在职员工，超过上限。请先用 POST /api/directory/sync?dry_run=1 查看差异，确认无误后加 force=1。',
  en: 'Directory sync not applied: it would deactivate {leaving} of {active} active employees, over the limit. Check the diff with POST /api/directory/sync?dry_run=1, then add force=1 if right.',
};

/**
 * Keeps employees in step with Slack and Lark. Never forced: a run that would deactivate too
 * many writes nothing and tells the admins, since a broken token looks like everyone leaving.
 */
export const directorySyncJob: JobSpec = {
  name: 'org.directorySync',
  every: '6 hours',
  async run({ directorySync, now, notify }) {
    if (!directorySync) return { skipped: 'no platform connected' };
    const report = await syncDirectory(directorySync, { dryRun: false, force: false, now });
    const { refused } = report;
    if (refused) {
      for (const admin of (await readDirectory()).withRole('admin'))
        await notify(String(admin._id), (to) => ({ text: tr(to.locale, refusedText, refused) }));
    }
    return report;
  },
};
