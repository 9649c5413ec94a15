/**
 * The organisation's public face: what other flows and the wiring may use of it. People are
 * read from the in-memory directory on chat turns; the rest binds platform accounts and files
 * the new hires that approved onboarding requests bring.
 */
export { type Directory, readDirectory } from './directory.js';
export {
  addressOf,
  bindByEmail,
  createEmployee,
  findActiveByEmail,
  managesUp,
  namesOf,
  resolvePerson,
} from './service.js';
