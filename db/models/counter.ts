import mongoose, { Schema } from 'mongoose';

/** Where each number sequence last got to (a hint; db/claims.ts makes numbers unique). */
const counterSchema = new Schema({
  _id: { type: String, required: true },
  seq: { type: Number, required: true },
});

export const Counter = mongoose.model('Counter', counterSchema);
