/** Text as it is stored: Unicode NFC, without surrounding white space. */
export function normaliseText(value: string): string {
  return value.normalize('NFC').trim()
}

/** An e-mail address as it is stored and matched: NFC, trimmed, lower case. */
export function normaliseEmail(value: string): string {
  return normaliseText(value).toLowerCase()
}
