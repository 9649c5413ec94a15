/**
 * Approvals' public face: another flow files a request here and announces it to the approvers
 * (a purchase over the policy line goes through approvals first).
 */
export { announceSubmitted } from './messaging.js';
export { submitRequest } from './service.js';
