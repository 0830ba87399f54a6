// Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 seconds), as authenticator apps expect.
import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'
import { now } from '../../lib/clock'

export const TOTP_ISSUER = 'Mytilene e-Services'
const PERIOD_SECONDS = 30

/** A new random secret of 20 bytes, in Base32 as the apps take it. */
export function newTotpSecret(): string {
  return generateSecret()
}

/** The secret in groups of four letters, easier to type into an app by hand. */
export function secretInGroups(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ')
}

export function otpauthUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountEmail, secret })
}

/** The QR code of the otpauth:// address as an SVG `data:` URI for an `<img>` (the CSP allows data: images). */
export async function qrCodeImage(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}

/**
 * The time step of a right code, or null. A code of the step before or after the current one is
 * accepted (a phone's clock drifts; typing takes time). Whether that step was used already is
 * for the caller to decide.
 */
export async function matchingStep(secret: string, code: string): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now().getTime() / 1000),
    epochTolerance: PERIOD_SECONDS,
  })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}
