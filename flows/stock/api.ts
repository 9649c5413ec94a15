/**
 * Stock's public face. Orders and purchases sit on top of stock: they read the catalogue, move
 * and reserve levels by its rules, write item lines in its grammar and raise its low-stock alerts.
 */
export { alertLow } from './alerts.js';
export { productName } from './cards.js';
export { listWarehouses, productsBySku } from './catalog.js';
export { levelsOf, moveStock, rules } from './levels.js';
export { tell } from './messaging.js';
export { formatMoney, formatTotals, fromMinor, isPrice, lineMinor, type Priced, totalsOf } from './money.js';
// the grammar of item lines ("SKU-1 x3 @12.5"), shared by orders and purchases
export { fail, type Line, labelledWho, problems, quantity, splitLines } from './parse.js';
export { skusOfLines } from './pick-product.js';
export { linesLabel } from './preview.js';
export { isSkuWord, takeItems } from './read-items.js';
export { decideProposal, findProposal, recordPurchase } from './reorder.js';
export { proposalCard } from './reorder-cards.js';
export { warehouseManagers } from './service.js';
