import { IANAZone } from 'luxon';
import { z } from 'zod';
import { LOCALES, ROLES, type Role } from '../../db/models/employee.js';
import { isCurrency } from '../../src/bot/currency.js';
import { plainName } from '../../src/plain-text.js';

const email = z.string('is required').trim().toLowerCase().pipe(z.email('is not a valid e-mail'));
const timezone = z
  .string()
  .trim()
  .refine((tz) => IANAZone.isValidZone(tz), 'is not an IANA timezone (e.g. Asia/Shanghai)');
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrency, 'is not an ISO 4217 currency code (e.g. CNY, USD, EUR)');
const roles = z
  .array(z.enum(ROLES, `must be among ${ROLES.join(', ')}`))
  .transform((list) => [...new Set<Role>(['employee', ...list])]);

/** An employee as an admin writes it: by e-mail, the manager by e-mail too. */
export const employeeInput = z.object({
  name: plainName(100),
  email,
  department: z.string().trim().max(100).default(''),
  managerEmail: email.nullish(),
  roles: roles.default(['employee']),
  locale: z.enum(LOCALES, 'must be zh-CN or en').default('zh-CN'),
  timezone: timezone.default('Asia/Shanghai'),
  /** Their default for amounts written without a currency; null or unset = the company's. */
  currency: currency.nullish(),
});
export type EmployeeInput = z.infer<typeof employeeInput>;

export const employeePatch = employeeInput
  .omit({ email: true })
  .partial()
  .extend({ active: z.boolean().optional() });
export type EmployeePatch = z.infer<typeof employeePatch>;

export const identityInput = z.object({
  platform: z.enum(['slack', 'lark']),
  teamId: z.string().trim().min(1).max(100),
  userId: z.string().trim().min(1).max(100),
  email,
});
export const identityKey = identityInput.omit({ email: true });
