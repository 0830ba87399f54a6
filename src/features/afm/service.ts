// AFM claims: a citizen claims an AFM, proves it, and staff decide. Nothing linked to an AFM may be
// shown to an account except through `verifiedAfmOf`.
import type { Knex } from 'knex'
import type { Db } from '../../db'
import { NotFoundError } from '../../web/errors'
import type { Role } from '../accounts/roles'
import { recordAudit, type AuditContext } from '../audit/service'
import { queueMail } from '../mail/outbox'
import { detectDocumentType, MAX_DOCUMENT_BYTES, type DocumentType } from './documents'
import {
  claimForStaff,
  claimsOf,
  deleteClaimsOf,
  deleteDocument,
  documentOf,
  insertClaim,
  latestClaimOf,
  lockClaim,
  lockOpenClaimOf,
  lockPendingClaimOf,
  otherOpenClaimsOfAfm,
  otherVerifiedHolder,
  pendingClaims,
  recipientOf,
  setDecision,
  setWithdrawn,
  verifiedAfmOfUser,
  type ClaimRow,
  type Decision,
} from './queries'
import { staffReview } from './staff-review'

export const PAGE_SIZE = 20
const UNIQUE_VIOLATION = '23505'

/** Who verifies AFMs: clerks, who work the counter of the Citizens' Service Office, and administrators. */
export const AFM_REVIEW_ROLES = ['clerk', 'admin'] as const satisfies readonly Role[]

export function canReviewAfm(roles: readonly Role[]): boolean {
  return AFM_REVIEW_ROLES.some((role) => roles.includes(role))
}

/** A citizen's request that cannot be met; `messageKey` is shown beside `field`. */
export class AfmClaimError extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: string,
  ) {
    super(messageKey)
  }
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const candidate = err as { code?: unknown; constraint?: unknown; message?: unknown }
  if (candidate?.code !== UNIQUE_VIOLATION) return false
  return candidate.constraint === constraint || String(candidate.message ?? '').includes(constraint)
}

/**
 * The AFM of an account only once it is verified, otherwise null. Every page that shows data
 * linked to an AFM (debts, payment orders) must get the AFM from here and from nowhere else.
 */
export async function verifiedAfmOf(db: Knex, user: { id: number }): Promise<string | null> {
  return (await verifiedAfmOfUser(db, user.id)) ?? null
}

export type ClaimView = {
  id: number
  afm: string
  status: ClaimRow['status']
  evidence: ClaimRow['evidence']
  documentType: DocumentType | null
  rejectionReason: string | null
  createdAt: Date
  decidedAt: Date | null
}

function claimView(row: ClaimRow): ClaimView {
  return {
    id: Number(row.id),
    afm: row.afm,
    status: row.status,
    evidence: row.evidence,
    documentType: row.document_type,
    rejectionReason: row.rejection_reason,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  }
}

/**
 * Where an account stands with its AFM: `none` (never claimed, or withdrawn), `pending`,
 * `verified` or `rejected` (with the reason), from its newest claim.
 */
export type AfmStanding =
  { state: 'none'; claim: null } | { state: Exclude<ClaimRow['status'], 'withdrawn'>; claim: ClaimView }

export async function afmStandingOf(db: Knex, userId: number): Promise<AfmStanding> {
  const latest = await latestClaimOf(db, userId)
  if (!latest || latest.status === 'withdrawn') return { state: 'none', claim: null }
  return { state: latest.status, claim: claimView(latest) }
}

/** What "my account" shows about the AFM: its standing, and a way to the staff queue for reviewers. */
export async function afmAccountSummary(db: Knex, user: { id: number; roles: readonly Role[] }) {
  return { standing: await afmStandingOf(db, user.id), canReview: canReviewAfm(user.roles) }
}

/** Every claim of an account, oldest first, for the account's data export. */
export async function afmClaimsOf(db: Knex, userId: number): Promise<ClaimView[]> {
  return (await claimsOf(db, userId)).map(claimView)
}

/** Records a new pending claim. Used at registration too, inside its transaction. */
export async function claimAfm(trx: Knex, userId: number, afm: string): Promise<number> {
  if (await lockOpenClaimOf(trx, userId)) {
    throw new AfmClaimError('afm', 'errors.afmVerification.alreadyClaimed')
  }
  return insertClaim(trx, userId, afm)
}

export async function claimAfmForAccount(db: Db, userId: number, afm: string): Promise<void> {
  try {
    await db.transaction((trx) => claimAfm(trx, userId, afm))
  } catch (err) {
    if (isUniqueViolation(err, 'afm_claims_one_open_per_user')) {
      throw new AfmClaimError('afm', 'errors.afmVerification.alreadyClaimed')
    }
    throw err
  }
}

/** The citizen takes back their pending or verified claim; a document they sent is deleted. */
export async function withdrawClaim(db: Db, userId: number): Promise<void> {
  await db.transaction(async (trx) => {
    const claim = await lockOpenClaimOf(trx, userId)
    if (!claim) throw new AfmClaimError('withdraw', 'errors.afmVerification.noOpenClaim')
    await deleteDocument(trx, claim.id)
    await setWithdrawn(trx, claim.id)
  })
}

/** Keeps the citizen's document for the clerk, if it really is a PDF, JPEG or PNG of allowed size. */
export async function submitDocument(db: Db, userId: number, content: Buffer | undefined): Promise<void> {
  if (!content || content.length === 0) {
    throw new AfmClaimError('document', 'errors.afmVerification.fileMissing')
  }
  if (content.length > MAX_DOCUMENT_BYTES) {
    throw new AfmClaimError('document', 'errors.afmVerification.fileTooLarge')
  }
  const type = detectDocumentType(content)
  if (!type) throw new AfmClaimError('document', 'errors.afmVerification.fileType')
  await db.transaction(async (trx) => {
    const claim = await lockPendingClaimOf(trx, userId)
    if (!claim) throw new AfmClaimError('afm', 'errors.afmVerification.noPendingClaim')
    await staffReview.begin(
      trx,
      { id: claim.id, userId, afm: claim.afm },
      { kind: 'document', type, content },
    )
  })
}

/** The citizen will show their documents at the counter instead; a document sent earlier is deleted. */
export async function chooseCounter(db: Db, userId: number): Promise<void> {
  await db.transaction(async (trx) => {
    const claim = await lockPendingClaimOf(trx, userId)
    if (!claim) throw new AfmClaimError('afm', 'errors.afmVerification.noPendingClaim')
    await staffReview.begin(trx, { id: claim.id, userId, afm: claim.afm }, { kind: 'counter' })
  })
}

export async function staffClaimQueue(db: Db, page: number, afm?: string) {
  return pendingClaims(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, afm)
}

export async function staffClaim(db: Db, id: number) {
  const claim = await claimForStaff(db, id)
  if (!claim) throw new NotFoundError()
  const sameAfm = await otherOpenClaimsOfAfm(db, claim.afm, claim.id)
  return { claim, sameAfm }
}

/** A citizen's document for a reviewer; each opening is audited, as it is personal data. */
export async function staffClaimDocument(db: Db, actor: AuditContext, id: number) {
  const document = await documentOf(db, id)
  if (!document) throw new NotFoundError()
  await recordAudit(db, actor, { action: 'afm_claim.document_viewed', entityType: 'afm_claim', entityId: id })
  return { type: document.media_type, content: Buffer.from(document.content) }
}

/** Why a clerk's decision was refused; the message key is shown on the claim's page. */
export class ClaimDecisionError extends Error {
  constructor(readonly messageKey: string) {
    super(messageKey)
  }
}

/**
 * Records the outcome of a verification, whichever verifier reached it: the claim's new state,
 * the deletion of the document (it is no longer needed), an audit row, and the citizen's mail.
 */
export async function settleClaim(
  trx: Knex,
  actor: AuditContext,
  claimId: number,
  decision: Decision,
): Promise<void> {
  const claim = await lockClaim(trx, claimId)
  if (!claim) throw new NotFoundError()
  if (claim.status !== 'pending') throw new ClaimDecisionError('errors.afmVerification.alreadyDecided')
  if (Number(claim.user_id) === actor.actorId) throw new ClaimDecisionError('errors.afmVerification.ownClaim')
  if (decision.status === 'verified' && (await otherVerifiedHolder(trx, claim.afm, claim.user_id))) {
    throw new ClaimDecisionError('errors.afmVerification.afmTaken')
  }
  await setDecision(trx, claim.id, decision, actor.actorId || null)
  await deleteDocument(trx, claim.id)
  await recordAudit(trx, actor, {
    action: `afm_claim.${decision.status}`,
    entityType: 'afm_claim',
    entityId: claim.id,
    before: { status: 'pending', userId: Number(claim.user_id), afm: claim.afm, evidence: claim.evidence },
    after:
      decision.status === 'verified'
        ? { status: 'verified' }
        : { status: 'rejected', rejectionReason: decision.reason },
  })
  const recipient = await recipientOf(trx, claim.user_id)
  if (!recipient) return
  await queueMail(trx, {
    to: recipient.email,
    template: 'afm-decision',
    locale: recipient.locale === 'en' ? 'en' : 'el',
    data: {
      fullName: recipient.full_name,
      outcome: decision.status,
      afmEnding: claim.afm.slice(-3),
      reason: decision.status === 'rejected' ? decision.reason : null,
    },
  })
}

export async function decideClaim(
  db: Db,
  actor: AuditContext,
  claimId: number,
  decision: Decision,
): Promise<void> {
  try {
    await db.transaction((trx) => settleClaim(trx, actor, claimId, decision))
  } catch (err) {
    if (isUniqueViolation(err, 'afm_claims_one_verified_per_afm')) {
      throw new ClaimDecisionError('errors.afmVerification.afmTaken')
    }
    throw err
  }
}

/** Deletes every claim of an account and the documents sent with them (when the account closes). */
export async function forgetClaimsOf(trx: Knex, userId: number): Promise<number> {
  return deleteClaimsOf(trx, userId)
}
