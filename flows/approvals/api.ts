/**
 * Approvals' public face: another flow files a request here and announces it to the approvers
 * (a purchase over the policy line goes through approvals first); the web chat asks who may
 * download a file on a request.
 */
import type { Person } from '../../src/bot/types.js';
import { findVisible } from './service.js';

export { announceSubmitted } from './messaging.js';
export { submitRequest } from './service.js';

/** Whether someone may see a request (its files too): requester, approvers, CC, admins, HR, managers above. */
export async function maySeeRequest(no: string, viewer: Pick<Person, 'id' | 'roles'>): Promise<boolean> {
  return !('ok' in (await findVisible(no, viewer)));
}
