/**
 * Digests' public face: the scheduler and the admin API run them; the wiring reads everyone's
 * delivery settings (mute, quiet hours) through `loadRecipients`.
 */
export { type DigestDeps, digestKey, runDigests } from './run.js';
export { loadRecipients } from './settings.js';
