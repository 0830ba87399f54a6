// Greek first, English second: the language comes from a cookie set by the switcher in the header,
// by a link that names it (`?lang=en`, as in the mail sent to English readers), or by signing in.
import fs from 'node:fs'
import path from 'node:path'
import type { NextFunction, Request, Response } from 'express'
import i18next, { type TFunction } from 'i18next'
import type { Knex } from 'knex'
import { afterSignIn } from './session-timeouts'

export const LANGUAGES = ['el', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'el'
export const LANGUAGE_COOKIE = 'lang'

const LOCALES_DIR = path.resolve(__dirname, '../../locales')
type Messages = { [key: string]: string | Messages }

function mergeInto(target: Messages, source: Messages): Messages {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key]
    target[key] =
      typeof value === 'object' && typeof existing === 'object' ? mergeInto(existing, value) : value
  }
  return target
}

/** `locales/<lang>.json`, then every `locales/<lang>/*.json` (one per feature), merged. */
function loadMessages(lang: Language): Messages {
  const messages = JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, `${lang}.json`), 'utf8')) as Messages
  const folder = path.join(LOCALES_DIR, lang)
  if (!fs.existsSync(folder)) return messages
  for (const file of fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    mergeInto(messages, JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as Messages)
  }
  return messages
}

const translator = i18next.createInstance()
void translator.init({
  initAsync: false,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  resources: { el: { translation: loadMessages('el') }, en: { translation: loadMessages('en') } },
  interpolation: { escapeValue: false },
  returnNull: false,
})

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

export function translatorFor(lang: Language): TFunction {
  return translator.getFixedT(lang)
}

const ONE_YEAR = 365 * 24 * 60 * 60 * 1000

/** Remembers a chosen language on this device for a year. */
export function rememberLanguage(res: Response, lang: Language, secure: boolean): void {
  res.cookie(LANGUAGE_COOKIE, lang, { maxAge: ONE_YEAR, sameSite: 'lax', httpOnly: true, secure })
}

export function languageOf(req: Request): Language {
  const chosen: unknown = req.cookies?.[LANGUAGE_COOKIE]
  return isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE
}

/**
 * The page's language: a link's `?lang=` wins and is remembered, then the cookie, then Greek.
 * Signing in brings back the language kept with the account.
 */
export function languageMiddleware(secureCookies: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const asked: unknown = req.query?.lang
    let lang = languageOf(req)
    if (isLanguage(asked) && asked !== lang) {
      lang = asked
      rememberLanguage(res, lang, secureCookies)
    }
    req.lang = lang
    req.t = translatorFor(lang)
    res.locals.lang = lang
    res.locals.t = req.t
    next()
  }
}

/**
 * At sign-in, a language chosen on this device is kept with the account (mail follows it); a device
 * that never chose one takes the account's.
 */
export function languageOnSignIn(db: Knex, secureCookies: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'POST') {
      afterSignIn(req, async () => {
        const user = req.user as { id?: number; locale?: unknown } | undefined
        if (!user?.id) return
        const chosen: unknown = req.cookies?.[LANGUAGE_COOKIE]
        if (isLanguage(chosen)) {
          if (chosen !== user.locale) await db('users').where({ id: user.id }).update({ locale: chosen })
        } else if (isLanguage(user.locale) && user.locale !== req.lang) {
          rememberLanguage(res, user.locale, secureCookies)
        }
      })
    }
    next()
  }
}
