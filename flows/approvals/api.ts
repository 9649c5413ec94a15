/**
 * Approvals' public face. Another flow files a request here and announces it to the approvers
 * (a purchase over the policy line); the admin API rebuilds the per-person lists.
 */
export { rebuildLists } from './lists.js';
export { announceSubmitted } from './messaging.js';
export { submitRequest } from './service.js';
