export const ROLES = ['citizen', 'clerk', 'treasury', 'secretariat', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const STAFF_ROLES: readonly Role[] = ['clerk', 'treasury', 'secretariat', 'admin']

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((role) => STAFF_ROLES.includes(role))
}
