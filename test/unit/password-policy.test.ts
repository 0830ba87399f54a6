import { dictionary } from '@zxcvbn-ts/language-common'
import { passwordProblem } from '../../src/features/accounts/password-policy'

describe('the password rules', () => {
  it('use a shipped list of tens of thousands of common passwords, in lower case', () => {
    const list = dictionary['passwords-common']
    expect(list.length).toBeGreaterThan(40000)
    expect(list).toContain('password')
    expect(list.every((word) => word === word.toLowerCase())).toBe(true)
  })

  it('count Unicode code points after NFC, not UTF-16 units', () => {
    expect(passwordProblem('αβγδεζηθικλ')).toBe('tooShort')
    expect(passwordProblem('αβγδεζηθικλμ')).toBeNull()
    expect(passwordProblem('🦉🦉🦉🦉🦉🦉🦉🦉🦉🦉🦉')).toBe('tooShort')
    expect(passwordProblem('🦉🦉🦉🦉🦉🦉🦉🦉🦉🦉🦉🦉')).toBeNull()
    expect(passwordProblem('ώώώώώώώώώώώ'.normalize('NFD'))).toBe('tooShort')
    expect(passwordProblem('ω'.repeat(128))).toBeNull()
    expect(passwordProblem('ω'.repeat(129))).toBe('tooLong')
  })

  it('ask for no mix of letters, digits or symbols', () => {
    expect(passwordProblem('ένα καράβι στο λιμάνι')).toBeNull()
    expect(passwordProblem('correct horse battery staple')).toBeNull()
    expect(passwordProblem('lowercaseonlyletters')).toBeNull()
  })

  it('refuse a common password in any case, also padded with digits and symbols', () => {
    expect(passwordProblem('password1234')).toBe('common')
    expect(passwordProblem('PASSWORD1234')).toBe('common')
    expect(passwordProblem('Password2026!')).toBe('common')
    expect(passwordProblem('!!football!!2026')).toBe('common')
    expect(passwordProblem('1q2w3e4r5t6y')).toBe('common')
  })

  it("refuse the service's own words, with or without accents", () => {
    expect(passwordProblem('Μυτιλήνη2026!')).toBe('common')
    expect(passwordProblem('ΜΥΤΙΛΗΝΗ μυτιληνη')).toBe('common')
    expect(passwordProblem('mytilene-12345')).toBe('common')
    expect(passwordProblem('Δήμος Μυτιλήνης 1')).toBe('common')
    expect(passwordProblem('Λέσβος 2026 !!!')).toBe('common')
    expect(passwordProblem('η Μυτιλήνη το πρωί')).toBeNull()
  })

  it("refuse the person's e-mail address and name", () => {
    const context = { email: 'eleni.dokimi@example.gr', name: 'Ελένη Δοκιμή' }
    expect(passwordProblem('eleni.dokimi@example.gr', context)).toBe('personal')
    expect(passwordProblem('my eleni.dokimi@example.gr!', context)).toBe('personal')
    expect(passwordProblem('EleniDokimi2026', context)).toBe('personal')
    expect(passwordProblem('Ελένη Δοκιμή 2026', context)).toBe('personal')
    expect(passwordProblem('Ελένη Δοκιμή 2026', { email: context.email })).toBeNull()
    expect(passwordProblem('η Ελένη πάει στη θάλασσα', context)).toBeNull()
  })
})
