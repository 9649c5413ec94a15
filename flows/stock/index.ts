import type { Flow } from '../../src/bot/flow.js';
import { stockAdminRoutes } from './admin-routes.js';
import { catalogCache } from './catalog.js';
import { stockCommands } from './commands.js';
import { stockDigestSections } from './digest.js';
import { queryStock } from './handlers.js';
import { productsImport } from './import-products.js';
import { levelKeysMigration } from './migrations.js';
import { phrasings } from './phrasings.js';
import { readers } from './readers.js';
import { dismissProposal, reorderCommands } from './reorder-commands.js';

export const stockFlow: Flow = {
  name: 'stock',
  areas: [{ id: 'stock', label: { 'zh-CN': '库存', en: 'Stock' }, order: 30 }],
  phrasings,
  readers,
  commands: [...stockCommands, ...reorderCommands],
  actions: [
    { actionId: 'stock.pick', handle: (ctx, a) => queryStock(ctx, a.value) },
    { actionId: 'stock.reorder.dismiss', handle: (ctx, a) => dismissProposal(ctx, a.value) },
  ],
  caches: [catalogCache],
  imports: [productsImport],
  adminRoutes: stockAdminRoutes,
  migrations: [levelKeysMigration],
  digestSections: stockDigestSections,
};
