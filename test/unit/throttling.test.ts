import { waitText } from '../../src/features/throttling/middleware'
import { loginDelayMs } from '../../src/features/throttling/policy'
import { translatorFor } from '../../src/web/i18n'

describe('the wait before another sign-in attempt', () => {
  it('is nothing for the first five failures, then doubles from one second', () => {
    expect([1, 2, 3, 4].map(loginDelayMs)).toEqual([0, 0, 0, 0])
    expect([5, 6, 7, 8, 9].map(loginDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000])
  })

  it('never grows beyond fifteen minutes', () => {
    expect(loginDelayMs(15)).toBe(15 * 60 * 1000)
    expect(loginDelayMs(100)).toBe(15 * 60 * 1000)
    expect(loginDelayMs(10_000)).toBe(15 * 60 * 1000)
  })
})

describe('how long to wait, in words', () => {
  const el = translatorFor('el')
  const en = translatorFor('en')

  it('counts seconds under a minute, in both languages and in the singular too', () => {
    expect(waitText(el, 1)).toBe('1 δευτερόλεπτο')
    expect(waitText(el, 45)).toBe('45 δευτερόλεπτα')
    expect(waitText(en, 1)).toBe('1 second')
    expect(waitText(en, 59)).toBe('59 seconds')
  })

  it('rounds anything longer up to whole minutes, so nobody comes back too early', () => {
    expect(waitText(el, 60)).toBe('1 λεπτό')
    expect(waitText(el, 61)).toBe('2 λεπτά')
    expect(waitText(en, 3600)).toBe('60 minutes')
  })
})
