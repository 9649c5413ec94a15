import { Schema, type Types } from 'mongoose';

/** What an order line keeps of its product: the id, plus SKU and names as they were when ordered. */
export const productLineFields = {
  productId: { type: Schema.Types.ObjectId, required: true },
  sku: { type: String, required: true },
  name: { type: String, required: true },
  nameEn: { type: String, default: '' },
  qty: { type: Number, required: true },
} as const;

/** A document's side of `productLineFields`. */
export type ProductLine = {
  productId: Types.ObjectId;
  sku: string;
  name: string;
  nameEn: string;
  qty: number;
};
