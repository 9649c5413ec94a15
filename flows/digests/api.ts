/**
 * Digests' public face: the wiring runs the morning digest at once for the demo, and reads
 * everyone's delivery settings (mute, quiet hours) through `loadRecipients`.
 */
export { runDigests } from './run.js';
export { loadRecipients } from './settings.js';
