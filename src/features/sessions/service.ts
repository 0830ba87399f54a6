import crypto from 'node:crypto'
import type { Db } from '../../db'
import { now } from '../../lib/clock'
import { authenticate } from '../accounts/service'
import { endSessionsOfUser } from '../accounts/sessions'
import { recordSuccessfulLogin, startLoginAttempt, type Verdict } from '../throttling/service'
import type { Device } from './device'
import { activeSessionsOfUser, endSession, sessionIdsOfUser, sessionOfUser, type SessionRow } from './queries'
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
  const sessions = rows.map((row) => sessionView(row, row.sid === currentSid, at))
  return { sessions, total }
}

function sessionView(row: SessionRow, isCurrent: boolean, at: Date): SessionView {
  return {
    handle: sessionHandle(row.sid),
    signedInAt: new Date(Number(row.signed_in_at)),
    lastSeenAt: isCurrent ? at : new Date(Number(row.last_seen_at)),
    device: { browser: row.browser, os: row.os },
    network: row.network,
    isCurrent,
  }
}

/** A one-way digest of a session id: it names a row of the page but cannot be used as a cookie. */
export function sessionHandle(sid: string): string {
  return crypto.createHash('sha256').update(`session-handle\n${sid}`).digest('hex').slice(0, 32)
}

export type PasswordCheck =
  | { outcome: 'confirmed' }
  | { outcome: 'wrongPassword' }
  | { outcome: 'throttled'; verdict: Extract<Verdict, { allowed: false }> }

/** The password given again to end sessions; wrong ones count as failed sign-ins of the account. */
async function confirmPassword(
  db: Db,
  user: { id: number; email: string },
  password: string,
  ip: string | undefined,
): Promise<PasswordCheck> {
  const verdict = await startLoginAttempt(db, user.email, ip)
  if (!verdict.allowed) return { outcome: 'throttled', verdict }
  if ((await authenticate(db, user.email, password)) !== user.id) return { outcome: 'wrongPassword' }

  await recordSuccessfulLogin(db, user.email, ip)
  return { outcome: 'confirmed' }
}

type NotChosen = { outcome: 'thisSession' } | { outcome: 'notFound' }

type OwnSession = { outcome: 'found'; row: SessionRow } | NotChosen

/**
 * One session of the account named by its handle. The session making the request is ended by
 * signing out instead; a handle that is not one of the account's sessions is not found.
 */
async function ownSession(db: Db, userId: number, currentSid: string, handle: string): Promise<OwnSession> {
  if (handle === sessionHandle(currentSid)) return { outcome: 'thisSession' }
  const sid = (await sessionIdsOfUser(db, userId)).find((candidate) => sessionHandle(candidate) === handle)
  const row = sid ? await sessionOfUser(db, userId, sid) : undefined
  return row ? { outcome: 'found', row } : { outcome: 'notFound' }
}

export type ChosenSession = { outcome: 'found'; session: SessionView } | NotChosen

/** Another session of the account, for the page that asks for the password to end it. */
export async function chosenSession(
  db: Db,
  user: { id: number },
  currentSid: string,
  handle: string,
): Promise<ChosenSession> {
  const own = await ownSession(db, user.id, currentSid, handle)
  if (own.outcome !== 'found') return own
  return { outcome: 'found', session: sessionView(own.row, false, now()) }
}

export type SignOutOneResult =
  { outcome: 'signedOut' } | NotChosen | Exclude<PasswordCheck, { outcome: 'confirmed' }>

/**
 * Ends one other session of the account once its password has been given again (ASVS 3.3.4).
 * The handle is checked first, so that a wrong one costs no password attempt.
 */
export async function signOutOneSession(
  db: Db,
  user: { id: number; email: string },
  currentSid: string,
  handle: string,
  password: string,
  ip: string | undefined,
): Promise<SignOutOneResult> {
  const own = await ownSession(db, user.id, currentSid, handle)
  if (own.outcome !== 'found') return own
  const check = await confirmPassword(db, user, password, ip)
  if (check.outcome !== 'confirmed') return check

  return (await endSession(db, user.id, own.row.sid)) ? { outcome: 'signedOut' } : { outcome: 'notFound' }
}

export type SignOutOthersResult =
  { outcome: 'signedOut'; ended: number } | Exclude<PasswordCheck, { outcome: 'confirmed' }>

/**
 * Signs the account out on every other device once its password has been given again (ASVS
 * 3.3.4); the session making the request stays.
 */
export async function signOutOtherSessions(
  db: Db,
  user: { id: number; email: string },
  currentSid: string,
  password: string,
  ip: string | undefined,
): Promise<SignOutOthersResult> {
  const check = await confirmPassword(db, user, password, ip)
  if (check.outcome !== 'confirmed') return check

  return { outcome: 'signedOut', ended: await endSessionsOfUser(db, user.id, currentSid) }
}
