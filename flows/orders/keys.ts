import type mongoose from 'mongoose';
import { ownerList } from '../../db/owner-lists.js';
import { follow } from '../../db/pointers.js';

type Id = mongoose.Types.ObjectId;

/** Pointer keys (db/pointers.ts): orders and purchase orders are named by their numbers. */
export const orderNoRef = (no: string) => `order-no:${no.toUpperCase()}`;
export const purchaseNoRef = (no: string) => `purchase-no:${no.toUpperCase()}`;
export const sampleNoRef = (no: string) => `sample-no:${no.toUpperCase()}`;

/** Each salesperson's open orders (`open-orders:<ownerId>`): "my orders". */
export const openOrders = ownerList('open-orders');

/** Each customer's orders, open or not (`customer-orders:<customerId>`): the CRM profile's list. */
export const customerOrders = ownerList('customer-orders');

/** Each customer's samples (`customer-samples:<customerId>`): the CRM profile's list. */
export const customerSamples = ownerList('customer-samples');

/** The `_id` a number names, or null; the document is then read by `_id`. */
export const orderIdOf = (no: string): Promise<Id | null> => follow(orderNoRef(no));
export const purchaseIdOf = (no: string): Promise<Id | null> => follow(purchaseNoRef(no));
export const sampleIdOf = (no: string): Promise<Id | null> => follow(sampleNoRef(no));
