import mongoose, { Schema } from 'mongoose';

/**
 * A file uploaded in the web chat. The bytes are on disk under `DATA_DIR/uploads/<sha256>`
 * (db/uploads.ts); this is who sent it, what it is called, and the requests it is on — what a
 * download checks. Read by `_id` only.
 */
const uploadSchema = new Schema(
  {
    _id: { type: String, required: true },
    sha256: { type: String, required: true },
    name: { type: String, required: true },
    mimeType: { type: String, required: true },
    size: { type: Number, required: true },
    uploadedBy: { type: String, required: true },
    /** Request numbers it is attached to: their readers may download it. */
    requests: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
  },
  { collection: 'uploads', versionKey: false },
);

export const Upload = mongoose.model('Upload', uploadSchema);
