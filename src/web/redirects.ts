const ORIGIN = 'http://portal.invalid'
// eslint-disable-next-line no-control-regex -- a backslash or a control character is never in our paths
const UNSAFE = /[\\\u0000-\u001F\u007F]/

/**
 * A path of the portal to return to after a redirect, as a browser would resolve it: `/.//host`
 * or `/a/..//host` tidy into `//host`, which a browser reads as another site, so the tidied path
 * is checked and returned, never the raw value. Other hosts, `\` and line breaks are refused.
 */
export function safeLocalPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback
  if (!value.startsWith('/') || value.startsWith('//') || UNSAFE.test(value)) return fallback
  let url: URL
  try {
    url = new URL(value, ORIGIN)
  } catch {
    return fallback
  }
  if (url.origin !== ORIGIN || url.pathname.startsWith('//')) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}
