// Reports are published: an e-mail address or a phone number in a title or description would be
// too. Such text is refused with a message asking the resident to take it out; their contact
// details are on their account, where the municipality's staff see them.

export type PersonalData = 'email' | 'phone'

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u
/** Report references look like long numbers once their letters are gone: they are not phones. */
const REFERENCE = /\bMYT-\d{4}-\d{5,}\b/giu
/** A run of digits that may be split by single spaces, dots, dashes, slashes or brackets. */
const DIGIT_RUN = /(?:\+|\b00)?\(?\d(?:[\s.\-/()]{0,2}\d){7,}/gu

function isPhone(run: string): boolean {
  const international = run.startsWith('+') || run.startsWith('00')
  let digits = run.replace(/\D/g, '')
  if (international) {
    if (digits.startsWith('00')) digits = digits.slice(2)
    if (digits.startsWith('30')) return /^(?:69\d{8}|2\d{9})$/.test(digits.slice(2))
    return digits.length >= 8 && digits.length <= 15
  }
  // Greek numbers have ten digits: mobiles start 69, landlines 2 (Mytilene's 22510…).
  return /^(?:69\d{8}|2\d{9})$/.test(digits)
}

/** The kind of personal data found in the text, if any. */
export function findPersonalData(text: string): PersonalData | null {
  if (EMAIL.test(text)) return 'email'
  const withoutReferences = text.replace(REFERENCE, ' ')
  for (const match of withoutReferences.matchAll(DIGIT_RUN)) {
    if (isPhone(match[0].trim())) return 'phone'
  }
  return null
}
