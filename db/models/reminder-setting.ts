import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * A person's choices about what the assistant sends unasked. No row = the company defaults
 * (nothing muted, the configured quiet hours). `_id` is the employee id.
 */
const reminderSettingSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  digestsMuted: { type: Boolean, default: false },
  remindersMuted: { type: Boolean, default: false },
  /** 'HH:mm' local; both null = the default, equal = no quiet hours. */
  quietStart: { type: String, default: null },
  quietEnd: { type: String, default: null },
});

export type ReminderSettingDoc = InferSchemaType<typeof reminderSettingSchema> & {
  _id: mongoose.Types.ObjectId;
};
export const ReminderSetting = mongoose.model('ReminderSetting', reminderSettingSchema);
