// Throttling of sign-in, registration, password reset, look-ups by code and the filing of reports,
// with counters in the database so that every app process sees the same counts.
//
// Sign-in has three counters. Failures of one account from one network earn growing delays;
// they touch no one else, and a successful sign-in from that network clears them. Failures from
// one network across all accounts are capped per hour. Failures of one account are capped at 100
// an hour (ASVS 2.2.1), of which 20 are kept for networks the account signed in from in the last
// 30 days, so an attacker elsewhere cannot keep its owner out.
import crypto from 'node:crypto'
import type { Knex } from 'knex'
import { now } from '../../lib/clock'
import { normaliseEmail } from '../../lib/text'
import { networkKey } from './network'
import {
  CODE_LOOKUP,
  LOGIN,
  loginDelayMs,
  PASSWORD_RESET,
  REGISTRATION,
  REPORT_PHOTO,
  REPORT_SEND,
  SECOND_FACTOR,
  type Limit,
} from './policy'
import {
  blockCounter,
  countersByKey,
  countHit,
  deleteCounter,
  deleteCountersEndedBefore,
  readCounter,
  refundHit,
} from './queries'

export type Verdict = { allowed: true } | { allowed: false; limit: string; retryAfterSeconds: number }

const KNOWN_NETWORK_MS = 30 * 24 * 60 * 60 * 1000
/** Of the account's hourly budget, what sign-ins from networks it does not know may use. */
const UNKNOWN_NETWORK_POINTS = LOGIN.perAccount.points - 20

class Refusal extends Error {
  constructor(
    readonly limit: string,
    readonly until: Date,
  ) {
    super(limit)
  }
}

/** Keys carry a hash of their subject: the table holds no e-mail address or IP address. */
function counterKey(name: string, ...subject: string[]): string {
  const digest = crypto.createHash('sha256').update(subject.join('\n')).digest('hex').slice(0, 40)
  return `${name}:${digest}`
}

/** A short, stable pseudonym of an e-mail address for log lines. */
export function accountTag(email: string): string {
  return crypto.createHash('sha256').update(normaliseEmail(email)).digest('hex').slice(0, 12)
}

function loginKeys(email: string, ip: string | undefined) {
  const account = normaliseEmail(email)
  const network = networkKey(ip)
  return {
    pair: counterKey('login-pair', account, network),
    known: counterKey('login-known', account, network),
    network: counterKey(LOGIN.perNetwork.name, network),
    account: counterKey(LOGIN.perAccount.name, account),
  }
}

function refused(refusal: Refusal, at: Date): Verdict {
  const seconds = Math.ceil((refusal.until.getTime() - at.getTime()) / 1000)
  return { allowed: false, limit: refusal.limit, retryAfterSeconds: Math.max(1, seconds) }
}

/** Runs the counting in one transaction: a refused request changes no counter. */
async function counting(
  db: Knex,
  at: Date,
  count: (trx: Knex.Transaction) => Promise<void>,
): Promise<Verdict> {
  await purgeIfDue(db, at)
  try {
    await db.transaction(count)
    return { allowed: true }
  } catch (err) {
    if (err instanceof Refusal) return refused(err, at)
    throw err
  }
}

async function countWithin(trx: Knex, key: string, limit: Limit, at: Date, points = limit.points) {
  const hit = await countHit(trx, key, at, limit.windowMs)
  if (hit && hit.hits > points) throw new Refusal(limit.name, hit.windowEndsAt)
}

/**
 * Counts a sign-in attempt before the password is checked, as if it were going to fail, so that
 * parallel attempts cannot slip past a limit. `recordSuccessfulLogin` gives it back.
 */
export async function startLoginAttempt(db: Knex, email: string, ip: string | undefined): Promise<Verdict> {
  const at = now()
  const keys = loginKeys(email, ip)
  return counting(db, at, async (trx) => {
    const pair = await countHit(trx, keys.pair, at, LOGIN.pairWindowMs, true)
    if (!pair) {
      const blocked = await readCounter(trx, keys.pair)
      throw new Refusal('login-delay', new Date(blocked?.blocked_until ?? at))
    }
    const delay = loginDelayMs(pair.hits)
    if (delay > 0) await blockCounter(trx, keys.pair, new Date(at.getTime() + delay))
    await countWithin(trx, keys.network, LOGIN.perNetwork, at)
    const known = await readCounter(trx, keys.known)
    const isKnown = known !== undefined && known.window_ends_at > at
    await countWithin(trx, keys.account, LOGIN.perAccount, at, isKnown ? undefined : UNKNOWN_NETWORK_POINTS)
  })
}

/** The password was right: the attempt was no failure, and this network's delays are cleared. */
export async function recordSuccessfulLogin(db: Knex, email: string, ip: string | undefined): Promise<void> {
  const at = now()
  const keys = loginKeys(email, ip)
  await db.transaction(async (trx) => {
    await deleteCounter(trx, keys.pair)
    await refundHit(trx, keys.network)
    await refundHit(trx, keys.account)
    await countHit(trx, keys.known, at, KNOWN_NETWORK_MS, true)
  })
}

function secondFactorKeys(userId: number, ip: string | undefined) {
  const account = String(userId)
  const network = networkKey(ip)
  return {
    pair: counterKey('code-pair', account, network),
    network: counterKey(SECOND_FACTOR.perNetwork.name, network),
    account: counterKey(SECOND_FACTOR.perAccount.name, account),
  }
}

/**
 * Counts a code typed at the second step of signing in before it is checked, as a failure, like
 * `startLoginAttempt`: growing delays per account and network, caps per account and per network.
 * `recordRightCode` gives it back.
 */
export async function startCodeAttempt(db: Knex, userId: number, ip: string | undefined): Promise<Verdict> {
  const at = now()
  const keys = secondFactorKeys(userId, ip)
  return counting(db, at, async (trx) => {
    const pair = await countHit(trx, keys.pair, at, SECOND_FACTOR.pairWindowMs, true)
    if (!pair) {
      const blocked = await readCounter(trx, keys.pair)
      throw new Refusal('code-delay', new Date(blocked?.blocked_until ?? at))
    }
    const delay = loginDelayMs(pair.hits)
    if (delay > 0) await blockCounter(trx, keys.pair, new Date(at.getTime() + delay))
    await countWithin(trx, keys.network, SECOND_FACTOR.perNetwork, at)
    await countWithin(trx, keys.account, SECOND_FACTOR.perAccount, at)
  })
}

/** The code was right: the attempt was no failure, and this network's delays are cleared. */
export async function recordRightCode(db: Knex, userId: number, ip: string | undefined): Promise<void> {
  const keys = secondFactorKeys(userId, ip)
  await db.transaction(async (trx) => {
    await deleteCounter(trx, keys.pair)
    await refundHit(trx, keys.network)
    await refundHit(trx, keys.account)
  })
}

/** Every registration form sent counts, per network and per e-mail address given. */
export async function limitRegistration(db: Knex, email: string | null, ip: string | undefined) {
  const at = now()
  return counting(db, at, async (trx) => {
    await countWithin(
      trx,
      counterKey(REGISTRATION.perNetwork.name, networkKey(ip)),
      REGISTRATION.perNetwork,
      at,
    )
    if (email) {
      const key = counterKey(REGISTRATION.perAccount.name, normaliseEmail(email))
      await countWithin(trx, key, REGISTRATION.perAccount, at)
    }
  })
}

/** Every password reset request counts, per e-mail address and per network. */
export async function limitPasswordReset(db: Knex, email: string | null, ip: string | undefined) {
  const at = now()
  return counting(db, at, async (trx) => {
    await countWithin(
      trx,
      counterKey(PASSWORD_RESET.perNetwork.name, networkKey(ip)),
      PASSWORD_RESET.perNetwork,
      at,
    )
    if (email) {
      const key = counterKey(PASSWORD_RESET.perAccount.name, normaliseEmail(email))
      await countWithin(trx, key, PASSWORD_RESET.perAccount, at)
    }
  })
}

export type LookupRequester = { ip: string | undefined; userId?: number | null }

/**
 * Every look-up by code (a fine by number and plate, a certificate by its verification code…)
 * counts per network and per signed-in user. `scope` names the look-up, so that each kind has its
 * own budget: `limitCodeLookup(db, 'fine', { ip: req.ip, userId: req.user?.id })`.
 */
export async function limitCodeLookup(db: Knex, scope: string, requester: LookupRequester): Promise<Verdict> {
  const at = now()
  return counting(db, at, async (trx) => {
    const network = counterKey(`${CODE_LOOKUP.perNetwork.name}-${scope}`, networkKey(requester.ip))
    await countWithin(trx, network, CODE_LOOKUP.perNetwork, at)
    if (requester.userId) {
      const user = counterKey(`${CODE_LOOKUP.perUser.name}-${scope}`, String(requester.userId))
      await countWithin(trx, user, CODE_LOOKUP.perUser, at)
    }
  })
}

type PerAccountAndNetwork = { perUser: Limit; perNetwork: Limit }

async function limitAccountAndNetwork(
  db: Knex,
  limits: PerAccountAndNetwork,
  userId: number,
  ip: string | undefined,
): Promise<Verdict> {
  const at = now()
  return counting(db, at, async (trx) => {
    await countWithin(trx, counterKey(limits.perUser.name, String(userId)), limits.perUser, at)
    await countWithin(trx, counterKey(limits.perNetwork.name, networkKey(ip)), limits.perNetwork, at)
  })
}

/** Every photo sent for a report being filed counts, per account and per network. */
export async function limitReportPhotos(db: Knex, userId: number, ip: string | undefined) {
  return limitAccountAndNetwork(db, REPORT_PHOTO, userId, ip)
}

/** Every sending of a report's check page counts, per account and per network. */
export async function limitReportSending(db: Knex, userId: number, ip: string | undefined) {
  return limitAccountAndNetwork(db, REPORT_SEND, userId, ip)
}

export type CounterAbout = { limit: string; hits: number; windowEndsAt: Date; blockedUntil: Date | null }

/**
 * The counters kept under the account's e-mail address or user id, for its data export: the limit
 * each counts for, never the key. Counters of an account together with a network are keyed by both
 * and cannot be found from the account alone; they are forgotten within the hour.
 */
export async function countersAbout(db: Knex, account: { email: string; userId: number }) {
  const email = normaliseEmail(account.email)
  const userId = String(account.userId)
  const byEmail = [LOGIN.perAccount.name, REGISTRATION.perAccount.name, PASSWORD_RESET.perAccount.name]
  const keys = new Map<string, string>(byEmail.map((name) => [counterKey(name, email), name]))
  for (const name of [SECOND_FACTOR.perAccount.name, REPORT_PHOTO.perUser.name, REPORT_SEND.perUser.name])
    keys.set(counterKey(name, userId), name)
  const lookupSuffix = counterKey('', userId)
  const rows = await countersByKey(db, [...keys.keys()], `${CODE_LOOKUP.perUser.name}-%${lookupSuffix}`)
  return rows.map((row): CounterAbout => ({
    limit: keys.get(row.key) ?? row.key.slice(0, row.key.indexOf(':')),
    hits: Number(row.hits),
    windowEndsAt: row.window_ends_at,
    blockedUntil: row.blocked_until,
  }))
}

const PURGE_EVERY_MS = 10 * 60 * 1000
let nextPurgeAt = 0

/** Counters whose window has passed are removed now and then by whichever process counts. */
async function purgeIfDue(db: Knex, at: Date): Promise<void> {
  if (at.getTime() < nextPurgeAt) return
  nextPurgeAt = at.getTime() + PURGE_EVERY_MS
  await deleteCountersEndedBefore(db, at)
}
