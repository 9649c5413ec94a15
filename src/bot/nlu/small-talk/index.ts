import { asides } from './asides.js';
import { chitChat } from './chit-chat.js';
import { crmErpNearMisses } from './near-misses-crm-erp.js';
import { oaNearMisses } from './near-misses-oa.js';

export { greetings } from './greetings.js';

/**
 * Messages that ask for no command. The near-misses name a domain word (请假, stock, approve) so the
 * classifier learns that the word alone is no request. The order is the training order: keep it.
 */
export const outOfScope: string[] = [...chitChat, ...oaNearMisses, ...crmErpNearMisses, ...asides];
