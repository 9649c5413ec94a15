/**
 * Orders' face for other flows: the CRM profile shows a customer's latest orders and samples,
 * and its revenue over the last twelve months; a contract can be written from an order.
 * (Other flows reach orders only through commands; this face imports nothing of the CRM.)
 */
export { type CustomerRevenue, customerRevenue } from './customer-revenue.js';
export { type CustomerSection, customerSections } from './customer-view.js';
export { type OrderForContract, orderForContract } from './order-for-contract.js';
