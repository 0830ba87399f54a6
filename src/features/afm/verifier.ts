// How a claimed AFM becomes verified. Each way of verifying is an `AfmVerifier`; whatever the way,
// the outcome is recorded by `settleClaim` (service.ts), so the same rules always hold: one verified
// account per AFM, and an audit row and a mail to the citizen in the transaction of the decision.
//
// Shipped: `staffReview` (staff-review.ts). The citizen sends a document or says they will come to
// the counter, and a clerk approves or rejects the claim with a reason.
//
// Room for TAXISnet: GSIS offers public bodies an OAuth 2.0 sign-in whose user-info answer carries
// the signed-in person's AFM. A provider for it would implement `begin` by returning a redirect to
// the GSIS authorisation page (with a `state` kept in the session) and `complete` by exchanging the
// returned code for that AFM and comparing it with the claim. A callback route would then pass the
// outcome to `settleClaim`, and a migration would add the method to `afm_claims_method`.
import type { Knex } from 'knex'

export const VERIFICATION_METHODS = ['staff_review'] as const
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number]

/** The claim being verified, as a verifier needs it. */
export type ClaimRef = { id: number; userId: number; afm: string }

/** What the citizen does once verification has begun. */
export type NextStep =
  /** A person decides later; the claim stays pending until then. */
  | { kind: 'await_review' }
  /** The citizen signs in at the provider, which sends them back to a callback route. */
  | { kind: 'redirect'; url: string }

/** What a verifier concluded about a claim. */
export type VerificationOutcome = { result: 'verified' } | { result: 'rejected'; reason: string }

export interface AfmVerifier<Input> {
  readonly method: VerificationMethod
  /** Starts, or starts again, the verification of a pending claim inside the caller's transaction. */
  begin(trx: Knex, claim: ClaimRef, input: Input): Promise<NextStep>
  /**
   * For a provider that answers while the citizen waits (OAuth): reads its callback and concludes.
   * Staff review has none: its outcome is the clerk's decision, passed to `settleClaim` directly.
   */
  complete?(claim: ClaimRef, callback: URLSearchParams): Promise<VerificationOutcome>
}
