// The network a request comes from. An IPv6 user usually holds a whole /64, so counting per
// address would let them change address at will: IPv6 is counted per /64 and shown per /48.
import net from 'node:net'

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i

/** The eight groups of an IPv6 address, without `::` shorthand or an embedded IPv4 tail. */
function ipv6Groups(address: string): string[] {
  let text = address.toLowerCase()
  const ipv4Tail = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text)
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number) as [number, number, number, number]
    const tail = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
    text = text.slice(0, ipv4Tail.index) + tail
  }
  const [head = '', rest] = text.split('::')
  const left = head ? head.split(':') : []
  const right = rest ? rest.split(':') : []
  const missing = rest === undefined ? 0 : 8 - left.length - right.length
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) =>
    group.replace(/^0+(?=.)/, ''),
  )
}

function plainAddress(ip: string | undefined): string {
  const address = (ip ?? '').split('%')[0] ?? ''
  return MAPPED_IPV4.exec(address)?.[1] ?? address
}

/** The key a request's source is counted under: the IPv4 address, or the IPv6 /64. */
export function networkKey(ip: string | undefined): string {
  const address = plainAddress(ip)
  if (net.isIPv4(address)) return address
  if (net.isIPv6(address)) return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`
  return 'unknown'
}

/** An address with its last part hidden, enough to recognise a network, not a household. */
export function maskedAddress(ip: string | undefined): string | null {
  const address = plainAddress(ip)
  if (net.isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.x`
  if (net.isIPv6(address)) {
    const prefix = ipv6Groups(address)
      .slice(0, 3)
      .join(':')
      .replace(/(^|:)0(:0)*$/, '')
    return `${prefix}::/48`
  }
  return null
}
