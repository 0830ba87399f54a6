// ΑΦΜ, the Greek tax number: nine digits, the last a check digit over the first eight.

/** Removes the spaces, dots and hyphens people type inside an AFM. */
export function cleanAfm(value: string): string {
  return value.replace(/[\s.-]/g, '')
}

export function isValidAfm(value: string): boolean {
  const afm = cleanAfm(value)
  if (!/^\d{9}$/.test(afm) || afm === '000000000') return false
  let sum = 0
  for (let i = 0; i < 8; i += 1) sum += Number(afm[i]) * 2 ** (8 - i)
  return (sum % 11) % 10 === Number(afm[8])
}
