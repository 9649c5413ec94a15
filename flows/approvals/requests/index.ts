import { customType } from '../custom-types/store.js';
import { contract } from './contract.js';
import { expense } from './expense.js';
import { general } from './general.js';
import { leave } from './leave.js';
import { makeup } from './makeup.js';
import { onboarding } from './onboarding.js';
import type { RequestType } from './request-type.js';
import { transfer } from './transfer.js';
import { trip } from './trip.js';

export const REQUEST_TYPES = [
  leave,
  expense,
  trip,
  transfer,
  onboarding,
  makeup,
  general,
  contract,
] as unknown as RequestType[];

/** A built-in type, else the admin-defined one (in `version`, the latest when not given). */
export function requestType(type: string, version?: number | null): RequestType {
  const found =
    REQUEST_TYPES.find((t) => t.type === type) ?? (customType(type, version) as RequestType | undefined);
  if (!found) throw new Error(`no request type ${type}`);
  return found;
}
