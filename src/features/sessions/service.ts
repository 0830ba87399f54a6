import crypto from 'node:crypto'
import type { Db } from '../../db'
import { now } from '../../lib/clock'
import { authenticate } from '../accounts/service'
import { endSessionsOfUser } from '../accounts/sessions'
import { recordSuccessfulLogin, startLoginAttempt, type Verdict } from '../throttling/service'
import type { Device } from './device'
import { activeSessionsOfUser, endSession, sessionIdsOfUser } from './queries'
import { activeSince } from './timeouts'

export const PAGE_SIZE = 20

export type SessionView = {
  /** Names the session in the page's forms; the session id itself never leaves the server. */
  handle: string
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
      handle: sessionHandle(row.sid),
      signedInAt: new Date(Number(row.signed_in_at)),
      lastSeenAt: isCurrent ? at : new Date(Number(row.last_seen_at)),
      device: { browser: row.browser, os: row.os },
      network: row.network,
      isCurrent,
    }
  })
  return { sessions, total }
}

/** A one-way digest of a session id: it names a row of the page but cannot be used as a cookie. */
export function sessionHandle(sid: string): string {
  return crypto.createHash('sha256').update(`session-handle\n${sid}`).digest('hex').slice(0, 32)
}

export type SignOutOneResult = 'signedOut' | 'thisSession' | 'notFound'

/**
 * Ends one other session of the account, named by its handle (ASVS 3.3.4). The session making the
 * request is ended by signing out instead; a handle that is not one of the account's sessions is
 * not found.
 */
export async function signOutOneSession(
  db: Db,
  user: { id: number },
  currentSid: string,
  handle: string,
): Promise<SignOutOneResult> {
  if (handle === sessionHandle(currentSid)) return 'thisSession'
  const sid = (await sessionIdsOfUser(db, user.id)).find((candidate) => sessionHandle(candidate) === handle)
  if (!sid) return 'notFound'
  return (await endSession(db, user.id, sid)) ? 'signedOut' : 'notFound'
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
