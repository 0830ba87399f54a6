// Greek first, English second: the language comes from a cookie set by the switcher in the header.
import fs from 'node:fs'
import path from 'node:path'
import type { NextFunction, Request, Response } from 'express'
import i18next, { type TFunction } from 'i18next'

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

export function languageOf(req: Request): Language {
  const chosen: unknown = req.cookies?.[LANGUAGE_COOKIE]
  return isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE
}

export function i18nMiddleware(req: Request, res: Response, next: NextFunction): void {
  const lang = languageOf(req)
  req.lang = lang
  req.t = translatorFor(lang)
  res.locals.lang = lang
  res.locals.t = req.t
  next()
}
