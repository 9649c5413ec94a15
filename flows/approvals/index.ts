import type { Flow } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { approvalAdminRoutes } from './admin-routes.js';
import { attachCommand } from './attach-command.js';
import { linkReaders } from './attachments.js';
import { requestCommands } from './commands.js';
import { customCommands } from './custom-types/commands.js';
import { customTypesCache } from './custom-types/store.js';
import { decisionActions } from './decision-actions.js';
import { decisionCommands } from './decision-commands.js';
import { approvalDigestSections } from './digest.js';
import { changeAndTell, withdrawing } from './handlers.js';
import { approvalsHomeSections } from './home.js';
import { approvalJobs } from './jobs.js';
import { reassignApprovalsOf } from './leaver.js';
import { manageCommands } from './manage-commands.js';
import { approvalMigrations } from './migrations.js';
import { phrasings } from './phrasings/index.js';
import { readers } from './readers/index.js';
import { resubmitForms } from './resubmit.js';
import * as workflow from './workflow.js';

export const approvalsFlow: Flow = {
  name: 'approvals',
  areas: [{ id: 'approvals', label: { 'zh-CN': '审批', en: 'Approvals' }, order: 10 }],
  phrasings,
  readers: linkReaders(readers, new Set(requestCommands.map((c) => c.intent))),
  commands: [...requestCommands, ...manageCommands, attachCommand, ...decisionCommands, ...resubmitForms],
  liveCommands: customCommands,
  caches: [customTypesCache],
  actions: [
    {
      actionId: 'approvals.approve',
      handle: (ctx, a) =>
        changeAndTell(ctx, a.value, (doc, me, at) => workflow.decide(doc, me, 'approved', '', at)),
    },
    {
      // a rejection needs a reason, which a button cannot carry: a form where the platform has
      // one, else ask for it in one line
      actionId: 'approvals.reject',
      form: (a) => ({ intent: 'approvals.reject', draft: { no: a.value } }),
      handle: async (ctx, a) =>
        ctx.reply(
          tr(
            ctx.locale,
            { 'zh-CN': '请回复：拒绝 {no} <原因>', en: 'Reply: reject {no} <reason>' },
            { no: a.value },
          ),
        ),
    },
    {
      actionId: 'approvals.withdraw',
      handle: (ctx, a) => changeAndTell(ctx, a.value, withdrawing(ctx)),
    },
    {
      actionId: 'approvals.urge',
      handle: (ctx, a) => changeAndTell(ctx, a.value, (doc, me, at) => workflow.urge(doc, me, at)),
    },
    ...decisionActions,
  ],
  jobs: approvalJobs,
  migrations: approvalMigrations,
  digestSections: approvalDigestSections,
  adminRoutes: approvalAdminRoutes,
  onEmployeeLeft: reassignApprovalsOf,
  homeSections: approvalsHomeSections,
};
