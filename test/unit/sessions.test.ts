import { describeDevice } from '../../src/features/sessions/device'
import { endingFromQuery, sessionEnding } from '../../src/features/sessions/timeouts'

const UA = {
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  edgeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  samsung:
    'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  chromeIpad:
    'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1',
}

describe('the device of a session', () => {
  it('is named by its browser and system, without versions', () => {
    expect(describeDevice(UA.firefoxWindows)).toEqual({ browser: 'Firefox', os: 'Windows' })
    expect(describeDevice(UA.chromeAndroid)).toEqual({ browser: 'Chrome', os: 'Android' })
    expect(describeDevice(UA.safariIphone)).toEqual({ browser: 'Safari', os: 'iOS' })
    expect(describeDevice(UA.edgeMac)).toEqual({ browser: 'Edge', os: 'macOS' })
    expect(describeDevice(UA.samsung)).toEqual({ browser: 'Samsung Internet', os: 'Android' })
    expect(describeDevice(UA.firefoxLinux)).toEqual({ browser: 'Firefox', os: 'Linux' })
    expect(describeDevice(UA.chromeIpad)).toEqual({ browser: 'Chrome', os: 'iPadOS' })
  })

  it('is unknown when the header is missing or says nothing recognisable', () => {
    expect(describeDevice(undefined)).toEqual({ browser: null, os: null })
    expect(describeDevice('curl/8.5.0')).toEqual({ browser: null, os: null })
  })
})

describe('when a signed-in session ends', () => {
  const signedIn = Date.parse('2026-12-03T08:00:00Z')
  const minutes = (n: number) => new Date(signedIn + n * 60 * 1000)

  it('lasts 30 minutes without activity for a resident and 15 for staff', () => {
    const stamps = { signedInAt: signedIn, lastSeenAt: signedIn }
    expect(sessionEnding(stamps, false, minutes(30))).toBeNull()
    expect(sessionEnding(stamps, false, minutes(30.01))).toEqual({ reason: 'idle', after: 30 })
    expect(sessionEnding(stamps, true, minutes(15))).toBeNull()
    expect(sessionEnding(stamps, true, minutes(15.01))).toEqual({ reason: 'idle', after: 15 })
  })

  it('ends 12 hours after signing in for a resident and 8 for staff, however active', () => {
    const active = (at: Date) => ({ signedInAt: signedIn, lastSeenAt: at.getTime() - 1000 })
    expect(sessionEnding(active(minutes(720)), false, minutes(720))).toBeNull()
    expect(sessionEnding(active(minutes(720.01)), false, minutes(720.01))).toEqual({
      reason: 'absolute',
      after: 12,
    })
    expect(sessionEnding(active(minutes(480.01)), true, minutes(480.01))).toEqual({
      reason: 'absolute',
      after: 8,
    })
  })

  it('is at once for a session that was never stamped by signing in', () => {
    expect(sessionEnding({}, false, minutes(0))).toEqual({ reason: 'unstamped' })
    expect(sessionEnding({ signedInAt: signedIn }, false, minutes(0))).toEqual({ reason: 'unstamped' })
  })
})

describe('the time-out notice read from the sign-in address', () => {
  it('accepts only the time-outs the portal uses', () => {
    expect(endingFromQuery({ ended: 'idle', after: '30' })).toEqual({ reason: 'idle', after: 30 })
    expect(endingFromQuery({ ended: 'absolute', after: '8' })).toEqual({ reason: 'absolute', after: 8 })
    expect(endingFromQuery({ ended: 'idle', after: '9999' })).toBeNull()
    expect(endingFromQuery({ ended: 'absolute', after: '30' })).toBeNull()
    expect(endingFromQuery({ ended: 'other', after: '30' })).toBeNull()
    expect(endingFromQuery({})).toBeNull()
  })
})
