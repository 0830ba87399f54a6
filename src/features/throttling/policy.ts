// How much of each action one account, network or user may do, in one place.
const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

export type Limit = { name: string; points: number; windowMs: number }

export const LOGIN = {
  /** Failures of one account from one network before each further attempt must wait. */
  freeFailures: 5,
  firstDelayMs: 1 * SECOND,
  maxDelayMs: 15 * MINUTE,
  /** The account-and-network count is forgotten an hour after its latest failure. */
  pairWindowMs: 1 * HOUR,
  /** OWASP ASVS 2.2.1: no more than 100 failed attempts per account per hour. */
  perAccount: { name: 'login-account', points: 100, windowMs: 1 * HOUR },
  /** Guessing across many accounts from one network (password spraying, credential stuffing). */
  perNetwork: { name: 'login-network', points: 100, windowMs: 1 * HOUR },
} as const

export const REGISTRATION = {
  /** Every submitted form counts, so that a few typing mistakes are allowed for. */
  perNetwork: { name: 'register-network', points: 20, windowMs: 1 * HOUR },
  /** Each registration may send a mail to the address: a victim's inbox is not flooded. */
  perAccount: { name: 'register-account', points: 5, windowMs: 1 * HOUR },
} as const

export const PASSWORD_RESET = {
  perAccount: { name: 'reset-account', points: 5, windowMs: 1 * HOUR },
  perNetwork: { name: 'reset-network', points: 20, windowMs: 1 * HOUR },
} as const

/**
 * The code from an authenticator app, typed after the right password. Failures of one account
 * from one network earn the same growing delays as sign-in; an account gets 10 wrong codes an
 * hour in all (a million codes cannot be tried), and a network 50 across all accounts.
 */
export const SECOND_FACTOR = {
  pairWindowMs: 1 * HOUR,
  perAccount: { name: 'code-account', points: 10, windowMs: 1 * HOUR },
  perNetwork: { name: 'code-network', points: 50, windowMs: 1 * HOUR },
} as const

export const CODE_LOOKUP = {
  perNetwork: { name: 'lookup-network', points: 30, windowMs: 15 * MINUTE },
  perUser: { name: 'lookup-user', points: 30, windowMs: 15 * MINUTE },
} as const

/**
 * Photos for a report being filed: each is checked and re-encoded, which costs the server time.
 * An account may send 30 an hour (three to a report, with room for second thoughts), a network
 * 100 across its accounts.
 */
export const REPORT_PHOTO = {
  perUser: { name: 'photo-user', points: 30, windowMs: 1 * HOUR },
  perNetwork: { name: 'photo-network', points: 100, windowMs: 1 * HOUR },
} as const

/**
 * Sending a report from its check page: an account may send 10 an hour, a network 60 across its
 * accounts (neighbours behind one connection, an office, a mobile operator's shared address).
 */
export const REPORT_SEND = {
  perUser: { name: 'send-user', points: 10, windowMs: 1 * HOUR },
  perNetwork: { name: 'send-network', points: 60, windowMs: 1 * HOUR },
} as const

/**
 * How long the next attempt of an account from a network must wait after `failures` failed
 * attempts: nothing for the first five, then 1 s, 2 s, 4 s … up to 15 minutes.
 */
export function loginDelayMs(failures: number): number {
  if (failures < LOGIN.freeFailures) return 0
  const doublings = Math.min(failures - LOGIN.freeFailures, 30)
  return Math.min(LOGIN.firstDelayMs * 2 ** doublings, LOGIN.maxDelayMs)
}
