import type { Role } from '../accounts/roles'

/** The staff roles an administrator gives and takes away, in the order the pages list them. */
export const ASSIGNABLE_ROLES = [
  'clerk',
  'treasury',
  'secretariat',
  'admin',
] as const satisfies readonly Role[]
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number]

export function staffRolesOf(roles: readonly string[]): AssignableRole[] {
  return ASSIGNABLE_ROLES.filter((role) => roles.includes(role))
}
