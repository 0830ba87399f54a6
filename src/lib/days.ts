// Calendar days typed into filters: `YYYY-MM-DD`, a day that exists, and within the years the
// portal's records can fall in, so that the database never sees year 0 or year 99999.
export const FIRST_DAY = '2000-01-01'
export const LAST_DAY = '2099-12-31'

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A day that exists in the calendar, written `YYYY-MM-DD`, whatever its year. */
export function isExistingDay(value: string): boolean {
  const match = DAY.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(2000, month - 1, day))
  date.setUTCFullYear(year)
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** A day that exists, from FIRST_DAY to LAST_DAY. */
export function isFilterDay(value: string): boolean {
  return isExistingDay(value) && value >= FIRST_DAY && value <= LAST_DAY
}
