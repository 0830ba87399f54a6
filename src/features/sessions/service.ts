import type { Db } from '../../db'
import { now } from '../../lib/clock'
import { authenticate } from '../accounts/service'
import { endSessionsOfUser } from '../accounts/sessions'
import { recordSuccessfulLogin, startLoginAttempt, type Verdict } from '../throttling/service'
import type { Device } from './device'
import { activeSessionsOfUser } from './queries'
import { activeSince } from './timeouts'

export const PAGE_SIZE = 20

export type SessionView = {
  signedInAt: Date
  lastSeenAt: Date
  device: Device
  network: string | null
  isCurrent: boolean
}

/** The account's sessions that have not timed out, the most recently active first. */
export async function sessionsOfAccount(
  db: Db,
  user: { id: number; isStaff: boolean },
  currentSid: string,
  page: number,
): Promise<{ sessions: SessionView[]; total: number }> {
  const at = now()
  const { rows, total } = await activeSessionsOfUser(db, user.id, activeSince(user.isStaff, at), {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  })
  const sessions = rows.map((row) => {
    const isCurrent = row.sid === currentSid
    return {
      signedInAt: new Date(Number(row.signed_in_at)),
      lastSeenAt: isCurrent ? at : new Date(Number(row.last_seen_at)),
      device: { browser: row.browser, os: row.os },
      network: row.network,
      isCurrent,
    }
  })
  return { sessions, total }
}

export type SignOutOthersResult =
  | { outcome: 'signedOut'; ended: number }
  | { outcome: 'wrongPassword' }
  | { outcome: 'throttled'; verdict: Extract<Verdict, { allowed: false }> }

/**
 * Signs the account out on every other device once its password has been given again (ASVS
 * 3.3.4); the session making the request stays. Wrong passwords count as failed sign-ins.
 */
export async function signOutOtherSessions(
  db: Db,
  user: { id: number; email: string },
  currentSid: string,
  password: string,
  ip: string | undefined,
): Promise<SignOutOthersResult> {
  const verdict = await startLoginAttempt(db, user.email, ip)
  if (!verdict.allowed) return { outcome: 'throttled', verdict }
  if ((await authenticate(db, user.email, password)) !== user.id) return { outcome: 'wrongPassword' }

  await recordSuccessfulLogin(db, user.email, ip)
  return { outcome: 'signedOut', ended: await endSessionsOfUser(db, user.id, currentSid) }
}
