// The second step of signing in. After the right password, a person with an authenticator app is
// not signed in yet: the session only remembers who is waiting for their code (Passport's user is
// set once the code is right), so every page still treats the session as signed out.
import type { Request } from 'express'
import type { Knex } from 'knex'
import { now } from '../../lib/clock'
import { hasTwoFactor } from './service'

declare module 'express-session' {
  interface SessionData {
    secondFactor?: SecondFactorHold
  }
}

export type SecondFactorHold = { userId: number; next: string; startedAt: number; failures: number }

export const SECOND_FACTOR_PATH = '/login/code'
/** Time to type the code after the password; then the password is asked again. */
export const SECOND_FACTOR_TIMEOUT_MS = 5 * 60 * 1000
/** Wrong codes allowed for one password entry; then the password is asked again. */
export const SECOND_FACTOR_MAX_FAILURES = 5

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())))
}

export function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())))
}

/**
 * Called by the sign-in handler once the password is right. True when the account has two-factor
 * authentication: the caller then sends the browser to SECOND_FACTOR_PATH instead of signing in.
 */
export async function holdForSecondFactor(
  db: Knex,
  req: Request,
  user: { id: number },
  next: string,
): Promise<boolean> {
  if (!(await hasTwoFactor(db, user.id))) return false
  await regenerate(req)
  req.session.secondFactor = { userId: user.id, next, startedAt: now().getTime(), failures: 0 }
  await saveSession(req)
  return true
}

/** The sign-in waiting for a code in this session, if it has not timed out. */
export function secondFactorHold(req: Request): SecondFactorHold | null {
  const hold = req.session?.secondFactor
  if (!hold) return null
  if (now().getTime() - hold.startedAt > SECOND_FACTOR_TIMEOUT_MS) return null
  return hold
}

export function releaseHold(req: Request): void {
  delete req.session.secondFactor
}
