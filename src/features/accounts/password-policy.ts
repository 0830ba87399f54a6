// What makes a password acceptable (ASVS 2.1): 12 to 128 characters counted as Unicode code points,
// any characters, no composition rules, and not a common or breached password, nor one made of the
// service's own name or the person's e-mail address.
import { dictionary } from '@zxcvbn-ts/language-common'

export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 128

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'personal'
export type PasswordContext = { email?: string; name?: string }

/** Words that an attacker who knows the service tries first; compared without accents. */
export const SERVICE_WORDS = [
  'mytilene',
  'mytilini',
  'mitilini',
  'μυτιληνη',
  'lesvos',
  'lesbos',
  'λεσβος',
  'dimos',
  'δημος',
  'dimosmytilinis',
  'δημοσμυτιληνησ',
  'eservices',
  'ευπηρεσιες',
  'υπηρεσιες',
]

let common: Set<string> | undefined

/** The shipped list of common and breached passwords (about 49,000, in lower case). */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'])
  return common
}

/** Lower case, without accents, and with Greek final sigma folded, so variants compare equal. */
function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ς/g, 'σ').normalize('NFC')
}

/** The letters of a password once the digits and symbols people pad it with are taken away. */
function lettersOnly(value: string): string {
  return value.replace(/[^\p{L}]/gu, '')
}

export function codePoints(value: string): number {
  return [...value.normalize('NFC')].length
}

function isCommon(password: string): boolean {
  const list = commonPasswords()
  const lower = password.toLowerCase()
  if (list.has(lower)) return true
  // "password2026!" is "password" padded: strip digits and symbols at either end and look again.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  return core.length >= 4 && list.has(core)
}

function isServiceWord(password: string): boolean {
  const letters = lettersOnly(fold(password))
  return SERVICE_WORDS.map(fold).some((word) => letters === word || letters === word + word)
}

/** The e-mail address itself, its name part padded with digits, or the person's name. */
function isPersonal(password: string, context: PasswordContext): boolean {
  const folded = fold(password)
  const letters = lettersOnly(folded)
  const candidates: string[] = []
  if (context.email) {
    const address = fold(context.email)
    if (folded.includes(address)) return true
    candidates.push(lettersOnly(address.split('@')[0] ?? ''))
  }
  if (context.name) candidates.push(lettersOnly(fold(context.name)))
  return candidates.some((candidate) => candidate.length >= 3 && letters === candidate)
}

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | null {
  const length = codePoints(password)
  if (length < PASSWORD_MIN) return 'tooShort'
  if (length > PASSWORD_MAX) return 'tooLong'
  const normalised = password.normalize('NFC')
  if (isCommon(normalised) || isServiceWord(normalised)) return 'common'
  if (isPersonal(normalised, context)) return 'personal'
  return null
}
