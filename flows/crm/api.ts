/**
 * The CRM's public face: orders names its customer through it (found in a sentence, resolved
 * against the customers, or created) and puts samples on the customer's timeline.
 */
export { findCustomerName } from './read-customer-name.js';
export { resolveCustomer } from './resolve.js';
export { createCustomer, findByName, getCustomer } from './service.js';
export { addToTimeline } from './timeline.js';
