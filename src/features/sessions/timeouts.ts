// How long a signed-in session lasts (OWASP ASVS 3.3.2): it ends after a time without activity
// and, however active, some hours after signing in. Staff sessions are shorter.
const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE

export const SESSION_LIMITS = {
  citizen: { idleMinutes: 30, absoluteHours: 12 },
  staff: { idleMinutes: 15, absoluteHours: 8 },
} as const

export type SessionStamps = { signedInAt?: number; lastSeenAt?: number }

/** Why a session has ended: `after` is minutes without activity, or hours since signing in. */
export type SessionEnding = { reason: 'idle' | 'absolute'; after: number } | { reason: 'unstamped' }

export function limitsFor(isStaff: boolean) {
  return isStaff ? SESSION_LIMITS.staff : SESSION_LIMITS.citizen
}

/** The moments before which a session has timed out: last activity, and signing in. */
export function activeSince(isStaff: boolean, at: Date): { lastSeenAfter: number; signedInAfter: number } {
  const limits = limitsFor(isStaff)
  return {
    lastSeenAfter: at.getTime() - limits.idleMinutes * MINUTE,
    signedInAfter: at.getTime() - limits.absoluteHours * HOUR,
  }
}

/**
 * Whether a signed-in session has ended at `at`, and why; null while it lasts. A session
 * without a sign-in time was not started by this portal's sign-in and is not trusted.
 */
export function sessionEnding(stamps: SessionStamps, isStaff: boolean, at: Date): SessionEnding | null {
  if (typeof stamps.signedInAt !== 'number' || typeof stamps.lastSeenAt !== 'number') {
    return { reason: 'unstamped' }
  }
  const limits = limitsFor(isStaff)
  const since = activeSince(isStaff, at)
  if (stamps.signedInAt < since.signedInAfter) return { reason: 'absolute', after: limits.absoluteHours }
  if (stamps.lastSeenAt < since.lastSeenAfter) return { reason: 'idle', after: limits.idleMinutes }
  return null
}

/** The notice on the sign-in page after a time-out, read back from its address. */
export function endingFromQuery(query: Record<string, unknown>): SessionEnding | null {
  const after = Number(query.after)
  const idle = Object.values(SESSION_LIMITS).map((limits) => limits.idleMinutes as number)
  const absolute = Object.values(SESSION_LIMITS).map((limits) => limits.absoluteHours as number)
  if (query.ended === 'idle' && idle.includes(after)) return { reason: 'idle', after }
  if (query.ended === 'absolute' && absolute.includes(after)) return { reason: 'absolute', after }
  return null
}
