// argon2id at OWASP's recommended minimum: 19 MiB of memory, 2 passes, 1 lane.
import { Algorithm, hash, verify } from '@node-rs/argon2'

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS)
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password.normalize('NFC'))
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined

/** Spends the same effort as a real check, so an unknown e-mail answers as slowly as a known one. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing-only')
  await verifyPassword(await dummyHash, password)
  return false
}
