import { athensYear, formatDateTime } from '../../src/lib/format'
import { normaliseEmail, normaliseText } from '../../src/lib/text'
import { safeLocalPath } from '../../src/web/redirects'
import { paginate } from '../../src/web/pagination'

describe('dates in Europe/Athens', () => {
  it('shows a UTC instant in Athens time, summer and winter', () => {
    expect(formatDateTime(new Date('2026-07-01T09:30:00Z'), 'en')).toContain('12:30')
    expect(formatDateTime(new Date('2026-12-01T09:30:00Z'), 'en')).toContain('11:30')
  })

  it('counts New Year in Athens, two hours before UTC', () => {
    expect(athensYear(new Date('2026-12-31T22:30:00Z'))).toBe(2027)
    expect(athensYear(new Date('2026-12-31T21:30:00Z'))).toBe(2026)
  })
})

describe('text normalisation', () => {
  it('stores Greek in NFC, whichever way it was typed', () => {
    const decomposed = 'Δη\u0301μος'
    expect(normaliseText(` ${decomposed} `)).toBe('Δήμος')
    expect(normaliseText(decomposed)).toHaveLength(5)
  })

  it('matches e-mail addresses without regard to case', () => {
    expect(normaliseEmail('  Maria.P@Example.GR ')).toBe('maria.p@example.gr')
  })
})

describe('redirect targets', () => {
  it('keeps local paths and refuses other hosts', () => {
    expect(safeLocalPath('/reports?page=2')).toBe('/reports?page=2')
    expect(safeLocalPath('//evil.example/')).toBe('/')
    expect(safeLocalPath('https://evil.example/')).toBe('/')
    expect(safeLocalPath('/\\evil.example')).toBe('/')
    expect(safeLocalPath(undefined, '/account')).toBe('/account')
  })
})

describe('pagination', () => {
  it('links neighbouring pages and keeps the other parameters', () => {
    const pages = paginate('/staff/reports', { status: 'submitted', page: '5' }, 5, 20, 200)
    expect(pages.pages).toBe(10)
    expect(pages.previous).toBe('/staff/reports?status=submitted&page=4')
    expect(pages.next).toBe('/staff/reports?status=submitted&page=6')
    expect(pages.items.map((item) => item.number)).toEqual([1, 0, 4, 5, 6, 0, 10])
  })

  it('has a single page for a short list', () => {
    const pages = paginate('/reports', {}, 1, 20, 3)
    expect(pages.pages).toBe(1)
    expect(pages.next).toBeNull()
  })
})
