import type { Platform } from './types.js';

/**
 * One person as a platform's directory lists them (Slack `users.list`, Lark contacts), in no
 * platform's shape. `email` null: the platform has none for them (guests, some Lark accounts);
 * they are reported, never created. `managerUserId` is an account of the same source.
 */
export type SourcePerson = {
  platform: Exclude<Platform, 'web'>;
  teamId: string;
  userId: string;
  email: string | null;
  name: string;
  department: string;
  managerUserId?: string;
  timezone?: string;
  /** False: deactivated in Slack, resigned in Lark. */
  active: boolean;
};

/** A platform's directory, read whole on each sync (adapters implement it). */
export type DirectorySource = {
  platform: Exclude<Platform, 'web'>;
  list(): Promise<SourcePerson[]>;
};

/**
 * What the sync needs from the wiring: the platforms to read, and every flow's hook for someone
 * who left (`Flow.onEmployeeLeft`), called once per leaver after they are deactivated.
 */
export type DirectorySync = {
  sources: DirectorySource[];
  employeeLeft(employeeId: string, managerId: string | null, now: Date): Promise<void>;
};
