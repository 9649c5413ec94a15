import type { Phrasings } from '../../../src/bot/flow.js';
import { askingBackPhrasings, commentPhrasings } from './conversation.js';
import { approveAllPhrasings, decisionPhrasings } from './decisions.js';
import { listPhrasings } from './lists.js';
import { requesterActionPhrasings } from './requester-actions.js';
import { reroutingPhrasings } from './rerouting.js';
import { staffAndGeneralRequestPhrasings } from './staff-and-general-requests.js';
import { timeAndMoneyRequestPhrasings } from './time-and-money-requests.js';

/**
 * How people ask for the approval commands in their own words: what the understanding layer learns from.
 * The order is the classifier's training order (and part of its cache key): keep it.
 */
export const phrasings: Phrasings = {
  ...timeAndMoneyRequestPhrasings,
  ...staffAndGeneralRequestPhrasings,
  ...listPhrasings,
  ...decisionPhrasings,
  ...requesterActionPhrasings,
  ...reroutingPhrasings,
  ...askingBackPhrasings,
  ...approveAllPhrasings,
  ...commentPhrasings,
};
