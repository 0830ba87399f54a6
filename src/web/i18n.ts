// Greek first, English second: the language comes from a cookie set by the switcher in the header.
import type { NextFunction, Request, Response } from 'express'
import i18next, { type TFunction } from 'i18next'
import el from '../../locales/el.json'
import en from '../../locales/en.json'

export const LANGUAGES = ['el', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'el'
export const LANGUAGE_COOKIE = 'lang'

const translator = i18next.createInstance()
void translator.init({
  initAsync: false,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  resources: { el: { translation: el }, en: { translation: en } },
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
