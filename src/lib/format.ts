// How dates and money read on the page: Europe/Athens time, Greek or British conventions.
const TIME_ZONE = 'Europe/Athens'

const locales = { el: 'el-GR', en: 'en-GB' } as const
type Lang = keyof typeof locales

const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>()
const dateFormats = new Map<Lang, Intl.DateTimeFormat>()

export function formatDateTime(value: Date | string, lang: Lang): string {
  let format = dateTimeFormats.get(lang)
  if (!format) {
    format = new Intl.DateTimeFormat(locales[lang], {
      timeZone: TIME_ZONE,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    dateTimeFormats.set(lang, format)
  }
  return format.format(new Date(value))
}

export function formatDate(value: Date | string, lang: Lang): string {
  let format = dateFormats.get(lang)
  if (!format) {
    format = new Intl.DateTimeFormat(locales[lang], {
      timeZone: TIME_ZONE,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    })
    dateFormats.set(lang, format)
  }
  return format.format(new Date(value))
}

/** An ISO 8601 timestamp for `<time datetime>`. */
export function isoDateTime(value: Date | string): string {
  return new Date(value).toISOString()
}

/** The calendar year in Athens at a given moment (New Year's Eve differs from UTC for two hours). */
export function athensYear(moment: Date = new Date()): number {
  const year = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric' }).format(moment)
  return Number(year)
}
