/** A local path to return to after a redirect; anything else (other hosts, `//`, `\`) is refused. */
export function safeLocalPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback
  if (/[\r\n]/.test(value)) return fallback
  return value
}
