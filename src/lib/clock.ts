// The current time, in one place, so that tests can move it (time-outs, token expiry) without sleeping.
let fixed: Date | null = null

export function now(): Date {
  return fixed ? new Date(fixed) : new Date()
}

/** Tests only: freeze the clock at a moment, or pass null to follow real time again. */
export function setClock(moment: Date | null): void {
  fixed = moment ? new Date(moment) : null
}

/** Tests only: move a frozen clock forward. */
export function advanceClock(milliseconds: number): void {
  fixed = new Date(now().getTime() + milliseconds)
}
