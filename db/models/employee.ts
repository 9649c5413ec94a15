import mongoose, { type InferSchemaType, Schema } from 'mongoose';

export const ROLES = ['employee', 'manager', 'hr', 'finance', 'sales', 'warehouse', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const LOCALES = ['zh-CN', 'en'] as const;

const employeeSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    email: { type: String, required: true, lowercase: true, trim: true, unique: true },
    locale: { type: String, enum: LOCALES, default: 'zh-CN' },
    timezone: { type: String, default: 'Asia/Shanghai' },
    /** Their default for amounts written without a currency (ISO 4217); null = the company's. */
    currency: { type: String, default: null },
    department: { type: String, default: '', trim: true },
    managerId: { type: Schema.Types.ObjectId, ref: 'Employee', default: null, index: true },
    roles: { type: [String], enum: ROLES, default: ['employee'], index: true },
    active: { type: Boolean, default: true },
  },
  { timestamps: true },
);
employeeSchema.index({ department: 1, active: 1 });

export type EmployeeDoc = InferSchemaType<typeof employeeSchema> & { _id: mongoose.Types.ObjectId };
export const Employee = mongoose.model('Employee', employeeSchema);
