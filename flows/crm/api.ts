/**
 * The CRM's public face. Orders names its customer through it (found in a sentence, resolved or
 * created); the admin API imports, exports, recounts and breaks customers down.
 */
export { customerBreakdown, DIMENSIONS } from './analytics.js';
export { exportFollowUpsCsv } from './export-follow-ups.js';
export { importCustomersCsv } from './import-customers.js';
export { findCustomerName } from './read-customer-name.js';
export { recountCustomers } from './recount.js';
export { resolveCustomer } from './resolve.js';
export { createCustomer, findByName } from './service.js';
