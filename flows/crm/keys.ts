import { nameKeyOf } from '../../db/models/customer.js';

/** Pointer keys (db/pointers.ts) of the CRM's secondary keys. */
export const customerNameRef = (name: string) => `customer-name:${nameKeyOf(name)}`;
export const ticketNoRef = (no: string) => `ticket-no:${no.toUpperCase()}`;
