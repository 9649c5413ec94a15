/**
 * The contracts flow's public face: the approvals flow activates a contract once its `contract`
 * request is approved; the CRM shows a customer's open contracts and receivables on its card.
 * Neither file reaches back into approvals or the CRM, so these imports make no cycle.
 */
export { activateContract } from './activate.js';
export { type ContractLine, openContractLines } from './read.js';
