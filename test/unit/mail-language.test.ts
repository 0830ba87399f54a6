import { withLanguage } from '../../src/features/mail/render'

const base = 'https://eservices.mytilene.gr'

describe('links in mail to English readers', () => {
  it('carry the language, in text and in HTML', () => {
    expect(withLanguage(`Open ${base}/login.`, base, 'en', false)).toBe(`Open ${base}/login?lang=en.`)
    expect(withLanguage(`${base}/email/verify?token=abc`, base, 'en', false)).toBe(
      `${base}/email/verify?token=abc&lang=en`,
    )
    expect(withLanguage(`<a href="${base}/email/verify?token=abc">`, base, 'en', true)).toBe(
      `<a href="${base}/email/verify?token=abc&amp;lang=en">`,
    )
    expect(withLanguage(`${base}/reports/MYT-2026-00001#timeline`, base, 'en', false)).toBe(
      `${base}/reports/MYT-2026-00001?lang=en#timeline`,
    )
    expect(withLanguage(`${base}`, base, 'en', false)).toBe(`${base}/?lang=en`)
  })

  it('are left alone in Greek, and elsewhere', () => {
    expect(withLanguage(`${base}/login`, base, 'el', false)).toBe(`${base}/login`)
    expect(withLanguage('https://example.org/login', base, 'en', false)).toBe('https://example.org/login')
    expect(withLanguage(`${base}/x?lang=el`, base, 'en', false)).toBe(`${base}/x?lang=el`)
  })
})
