// Codes from an authenticator app, computed in the test from the key shown on the set-up page.
import { generate } from 'otplib'
import { now } from '../../src/lib/clock'
import { csrfFrom, type Agent } from './app'

export async function totpCode(secret: string, at: Date = now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) })
}

/** The key printed in groups of four on the set-up page. */
export function secretFrom(html: string): string {
  const match = /<code class="totp-secret">([A-Z2-7 ]+)<\/code>/.exec(html)
  if (!match?.[1]) throw new Error('no TOTP key on the page')
  return match[1].replace(/ /g, '')
}

/** Sets up two-factor sign-in for the signed-in staff member of `agent`; returns the secret. */
export async function enrolTwoFactor(agent: Agent): Promise<string> {
  const page = await agent.get('/account/two-factor')
  if (page.status !== 200) throw new Error(`set-up page answered ${page.status}`)
  const secret = secretFrom(page.text)
  const response = await agent
    .post('/account/two-factor')
    .type('form')
    .send({ code: await totpCode(secret), _csrf: csrfFrom(page.text) })
  if (response.status !== 303) throw new Error(`set-up refused with ${response.status}`)
  return secret
}
