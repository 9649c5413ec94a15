/** Orders' public face: the admin API rebuilds the per-person order lists. */
export { relistOrders } from './migrations.js';
