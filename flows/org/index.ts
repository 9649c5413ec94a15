import type { Flow } from '../../src/bot/flow.js';
import { orgAdminRoutes } from './admin-routes.js';
import { whoamiCommand } from './commands.js';
import { directoryCache } from './directory.js';
import { employeesImport } from './import-employees.js';
import { directorySyncJob } from './jobs.js';
import { phrasings } from './phrasings.js';
import { syncRoutes } from './sync-routes.js';

export const orgFlow: Flow = {
  name: 'org',
  areas: [{ id: 'org', label: { 'zh-CN': '个人', en: 'Me' }, order: 90 }],
  phrasings,
  commands: [whoamiCommand],
  actions: [],
  caches: [directoryCache],
  imports: [employeesImport],
  jobs: [directorySyncJob],
  adminRoutes: (deps) => orgAdminRoutes(deps).route('/', syncRoutes(deps)),
};
