import { maskedAddress, networkKey } from '../../src/features/throttling/network'

describe('the network a request is counted under', () => {
  it('is the IPv4 address, also when it arrives mapped into IPv6', () => {
    expect(networkKey('203.0.113.7')).toBe('203.0.113.7')
    expect(networkKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
  })

  it('is the /64 of an IPv6 address, however the address is written', () => {
    expect(networkKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
    expect(networkKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64')
    expect(networkKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(networkKey('::1')).toBe('0:0:0:0::/64')
    expect(networkKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
  })

  it('is one shared key when the address is missing or not an address', () => {
    expect(networkKey(undefined)).toBe('unknown')
    expect(networkKey('not an address')).toBe('unknown')
  })
})

describe('an address as shown to its owner', () => {
  it('hides the last part of an IPv4 address and all but the /48 of an IPv6 one', () => {
    expect(maskedAddress('::ffff:127.0.0.1')).toBe('127.0.0.x')
    expect(maskedAddress('192.168.20.31')).toBe('192.168.20.x')
    expect(maskedAddress('2a02:587:1:2:3:4:5:6')).toBe('2a02:587:1::/48')
    expect(maskedAddress('2001:db8::5')).toBe('2001:db8::/48')
    expect(maskedAddress('::1')).toBe('::/48')
    expect(maskedAddress('::ffff:10.0.0.0:1')).toBeNull()
    expect(maskedAddress(undefined)).toBeNull()
  })
})
