export const ROLES = ['citizen', 'clerk', 'treasury', 'secretariat', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const STAFF_ROLES: readonly Role[] = ['clerk', 'treasury', 'secretariat', 'admin']

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((role) => STAFF_ROLES.includes(role))
}

/** The roles that work residents' reports (`/staff/reports`): they see every report and photo. */
export const REPORT_STAFF_ROLES: readonly Role[] = ['clerk', 'admin']

export function worksReports(roles: readonly Role[]): boolean {
  return roles.some((role) => REPORT_STAFF_ROLES.includes(role))
}
