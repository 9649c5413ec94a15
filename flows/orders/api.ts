/**
 * Orders' face for other flows: the CRM profile shows a customer's latest orders and samples.
 * (Other flows reach orders only through commands; this face imports nothing of the CRM.)
 */
export { type CustomerSection, customerSections } from './customer-view.js';
