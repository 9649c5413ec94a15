/** CRM rules that a company may want to tune; constants until there is a settings store. */
export const CRM_CONFIG = {
  /** A salesperson may own at most this many customers (claims and creates beyond it are refused). */
  maxCustomersPerOwner: 50,
  /** Owned customers with no follow-up (nor claim) for this many days go back to the pool. */
  idleDays: 30,
  /** Open tickets older than this get a reminder. */
  ticketSlaHours: 24,
  /** Tickets on pool customers go to active employees with this role (the sales managers). */
  supportRole: 'manager',
  supportDepartment: 'Sales',
};
