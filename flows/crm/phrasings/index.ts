import type { Phrasings } from '../../../src/bot/flow.js';
import { analyticsPhrasings } from './analytics.js';
import { customerPhrasings } from './customers.js';
import { followUpPhrasings } from './follow-ups.js';
import { poolFindingPhrasings, poolReleasePhrasings } from './pool.js';
import { ticketPhrasings } from './tickets.js';
import { visitPhrasings } from './visits.js';

/**
 * How people ask for the CRM commands in their own words: what the understanding layer learns from.
 * The order is the classifier's training order (and part of its cache key): keep it.
 */
export const phrasings: Phrasings = {
  ...customerPhrasings,
  ...followUpPhrasings,
  ...poolFindingPhrasings,
  ...visitPhrasings,
  ...poolReleasePhrasings,
  ...ticketPhrasings,
  ...analyticsPhrasings,
};
