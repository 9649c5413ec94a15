/**
 * The organisation's public face: everything other flows and the wiring may use of it. People
 * are read from the in-memory directory on chat turns; the rest are writes and admin work.
 */
export { type Account, type Directory, readDirectory } from './directory.js';
export { importEmployeesCsv } from './import-employees.js';
export { employeeInput, employeePatch, identityInput, identityKey } from './schemas.js';
export {
  addressOf,
  bindByEmail,
  bindIdentity,
  createEmployee,
  findActiveByEmail,
  listEmployees,
  managesUp,
  namesOf,
  resolvePerson,
  unbindIdentity,
  updateEmployee,
} from './service.js';
