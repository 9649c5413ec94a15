import type { HomeSectionSpec } from '../../src/bot/home.js';
import { myOrdersCard } from './cards.js';
import { listMyOpenOrders } from './service.js';

/** Home: the person's open orders, newest first, each a button to its card. */
export const ordersHomeSections: HomeSectionSpec[] = [
  {
    name: 'orders.mine',
    order: 40,
    load: async ({ person, locale }) => myOrdersCard(await listMyOpenOrders(person.id, 10), locale),
  },
];
