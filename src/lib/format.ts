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

/** A number with one decimal in the reader's convention: 2,5 in Greek, 2.5 in English. */
export function formatDecimal(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  )
}

/** A calendar month named in the reader's language, from its `YYYY-MM` key: "Δεκέμβριος 2026". */
export function formatMonth(key: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key)
  if (!match) return key
  const moment = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15))
  const text = new Intl.DateTimeFormat(locales[lang], {
    timeZone: 'UTC',
    month: 'long',
    year: 'numeric',
  }).format(moment)
  return text.charAt(0).toLocaleUpperCase(locales[lang]) + text.slice(1)
}

/** A span of hours as minutes, hours or days, whichever reads best, with the unit's key. */
export function durationParts(hours: number): { unit: 'minutes' | 'hours' | 'days'; value: number } {
  if (hours < 1) return { unit: 'minutes', value: Math.round(hours * 60) }
  if (hours < 48) return { unit: 'hours', value: Math.round(hours * 10) / 10 }
  return { unit: 'days', value: Math.round((hours / 24) * 10) / 10 }
}
