import { cleanAfm, isValidAfm } from '../../src/lib/afm'

describe('AFM check digit', () => {
  it('accepts a number whose ninth digit matches the weighted sum', () => {
    expect(isValidAfm('090000045')).toBe(true)
    expect(isValidAfm('094019245')).toBe(true)
  })

  it('refuses a number with the wrong check digit', () => {
    expect(isValidAfm('123456789')).toBe(false)
    expect(isValidAfm('090000046')).toBe(false)
  })

  it('refuses all zeros, wrong lengths and letters', () => {
    expect(isValidAfm('000000000')).toBe(false)
    expect(isValidAfm('09000004')).toBe(false)
    expect(isValidAfm('0900000450')).toBe(false)
    expect(isValidAfm('09000004A')).toBe(false)
  })

  it('accepts the spaces, dots and hyphens people type', () => {
    expect(cleanAfm('090 000 045')).toBe('090000045')
    expect(isValidAfm('090-000-045')).toBe(true)
    expect(isValidAfm('090.000.045')).toBe(true)
  })

  it('agrees with the rule on every check digit of one prefix', () => {
    const valid = [...Array(10).keys()].filter((digit) => isValidAfm(`12345678${digit}`))
    expect(valid).toHaveLength(1)
  })
})
