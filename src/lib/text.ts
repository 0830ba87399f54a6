// Control characters (but tab and line breaks), zero-width spaces and the bidirectional controls
// that can make text display other than it reads. Joiners (U+200C, U+200D) stay: emoji use them.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g

/** Text as it is stored: Unicode NFC, without invisible characters or surrounding white space. */
export function normaliseText(value: string): string {
  return value.replace(INVISIBLE, '').normalize('NFC').trim()
}

/** An e-mail address as it is stored and matched: NFC, trimmed, lower case. */
export function normaliseEmail(value: string): string {
  return normaliseText(value).toLowerCase()
}
