import type { Knex } from 'knex'
import { now } from '../../lib/clock'
import type { DocumentType } from './documents'

export type ClaimStatus = 'pending' | 'verified' | 'rejected' | 'withdrawn'
export type Evidence = 'document' | 'counter'

export type ClaimRow = {
  id: number
  user_id: number
  afm: string
  status: ClaimStatus
  method: string
  evidence: Evidence | null
  evidence_given_at: Date | null
  rejection_reason: string | null
  decided_by: number | null
  decided_at: Date | null
  created_at: Date
  updated_at: Date
  document_type: DocumentType | null
  document_size: number | null
}

function claimQuery(db: Knex) {
  return db('afm_claims as c')
    .leftJoin('afm_documents as d', 'd.claim_id', 'c.id')
    .select('c.*', 'd.media_type as document_type', 'd.size_bytes as document_size')
}

/** The newest claim of an account: its open claim if it has one, since only one can be open. */
export async function latestClaimOf(db: Knex, userId: number): Promise<ClaimRow | undefined> {
  return claimQuery(db)
    .where('c.user_id', userId)
    .orderBy([
      { column: 'c.created_at', order: 'desc' },
      { column: 'c.id', order: 'desc' },
    ])
    .first()
}

export async function claimsOf(db: Knex, userId: number): Promise<ClaimRow[]> {
  return claimQuery(db)
    .where('c.user_id', userId)
    .orderBy([
      { column: 'c.created_at', order: 'asc' },
      { column: 'c.id', order: 'asc' },
    ])
}

export async function verifiedAfmOfUser(db: Knex, userId: number): Promise<string | undefined> {
  const row = await db('afm_claims').where({ user_id: userId, status: 'verified' }).first('afm')
  return row ? String(row.afm) : undefined
}

export async function lockPendingClaimOf(trx: Knex, userId: number) {
  return trx('afm_claims')
    .where({ user_id: userId, status: 'pending' })
    .forUpdate()
    .first<{ id: number; user_id: number; afm: string } | undefined>('id', 'user_id', 'afm')
}

export async function lockOpenClaimOf(trx: Knex, userId: number) {
  return trx('afm_claims')
    .where({ user_id: userId })
    .whereIn('status', ['pending', 'verified'])
    .forUpdate()
    .first<{ id: number; status: ClaimStatus } | undefined>('id', 'status')
}

export async function lockClaim(trx: Knex, id: number) {
  return trx('afm_claims')
    .where({ id })
    .forUpdate()
    .first<
      { id: number; user_id: number; afm: string; status: ClaimStatus; evidence: Evidence | null } | undefined
    >('id', 'user_id', 'afm', 'status', 'evidence')
}

export async function insertClaim(trx: Knex, userId: number, afm: string): Promise<number> {
  const moment = now()
  const [row] = await trx('afm_claims')
    .insert({ user_id: userId, afm, status: 'pending', created_at: moment, updated_at: moment })
    .returning('id')
  return Number((row as { id: number }).id)
}

export async function setEvidence(trx: Knex, claimId: number, evidence: Evidence): Promise<void> {
  const moment = now()
  await trx('afm_claims')
    .where({ id: claimId })
    .update({ evidence, evidence_given_at: moment, updated_at: moment })
}

export async function saveDocument(trx: Knex, claimId: number, type: DocumentType, content: Buffer) {
  await trx('afm_documents')
    .insert({
      claim_id: claimId,
      media_type: type,
      size_bytes: content.length,
      content,
      created_at: now(),
    })
    .onConflict('claim_id')
    .merge()
}

export async function deleteDocument(trx: Knex, claimId: number): Promise<void> {
  await trx('afm_documents').where({ claim_id: claimId }).delete().returning('claim_id')
}

export async function setWithdrawn(trx: Knex, claimId: number): Promise<void> {
  await trx('afm_claims').where({ id: claimId }).update({ status: 'withdrawn', updated_at: now() })
}

export type Decision = { status: 'verified' } | { status: 'rejected'; reason: string }

export async function setDecision(trx: Knex, claimId: number, decision: Decision, deciderId: number | null) {
  const moment = now()
  await trx('afm_claims')
    .where({ id: claimId })
    .update({
      status: decision.status,
      rejection_reason: decision.status === 'rejected' ? decision.reason : null,
      decided_by: deciderId,
      decided_at: moment,
      updated_at: moment,
    })
}

/** The account, if any, that holds this AFM verified, other than the one given. */
export async function otherVerifiedHolder(db: Knex, afm: string, exceptUserId: number) {
  return db('afm_claims')
    .where({ afm, status: 'verified' })
    .whereNot('user_id', exceptUserId)
    .first<{ id: number; user_id: number } | undefined>('id', 'user_id')
}

export type Recipient = { email: string; locale: string; full_name: string }

export async function recipientOf(db: Knex, userId: number): Promise<Recipient | undefined> {
  return db('users').where({ id: userId }).first<Recipient | undefined>('email', 'locale', 'full_name')
}

export type QueueRow = {
  id: number
  afm: string
  evidence: Evidence | null
  created_at: Date
  full_name: string
  email: string
}

export type Page = { limit: number; offset: number }

/** Pending claims, oldest first: the order in which staff should work them. */
export async function pendingClaims(db: Knex, page: Page, afm?: string) {
  const filtered = (query: Knex.QueryBuilder) => {
    query.where('c.status', 'pending')
    if (afm) query.where('c.afm', afm)
    return query
  }
  const rows: QueueRow[] = await filtered(db('afm_claims as c').join('users as u', 'u.id', 'c.user_id'))
    .orderBy([
      { column: 'c.created_at', order: 'asc' },
      { column: 'c.id', order: 'asc' },
    ])
    .limit(page.limit)
    .offset(page.offset)
    .select('c.id', 'c.afm', 'c.evidence', 'c.created_at', 'u.full_name', 'u.email')
  const [count] = await filtered(db('afm_claims as c')).count({ total: '*' })
  return { rows, total: Number(count?.total ?? 0) }
}

export type StaffClaimRow = ClaimRow & { full_name: string; email: string; decided_by_name: string | null }

export async function claimForStaff(db: Knex, id: number): Promise<StaffClaimRow | undefined> {
  return claimQuery(db)
    .join('users as u', 'u.id', 'c.user_id')
    .leftJoin('users as s', 's.id', 'c.decided_by')
    .where('c.id', id)
    .select('u.full_name', 'u.email', 's.full_name as decided_by_name')
    .first()
}

export type SameAfmRow = { id: number; status: ClaimStatus; full_name: string; created_at: Date }

/** The other pending or verified claims to the same AFM, for the clerk to weigh. */
export async function otherOpenClaimsOfAfm(db: Knex, afm: string, exceptId: number): Promise<SameAfmRow[]> {
  return db('afm_claims as c')
    .join('users as u', 'u.id', 'c.user_id')
    .where('c.afm', afm)
    .whereIn('c.status', ['pending', 'verified'])
    .whereNot('c.id', exceptId)
    .orderBy([
      { column: 'c.created_at', order: 'asc' },
      { column: 'c.id', order: 'asc' },
    ])
    .limit(20)
    .select('c.id', 'c.status', 'u.full_name', 'c.created_at')
}

export async function documentOf(db: Knex, claimId: number) {
  return db('afm_documents')
    .where({ claim_id: claimId })
    .first<{ media_type: DocumentType; content: Buffer } | undefined>('media_type', 'content')
}

export async function deleteClaimsOf(trx: Knex, userId: number): Promise<number> {
  // knex-pglite reports a delete's row count wrongly; the returned rows are right on both engines.
  const deleted = await trx('afm_claims').where({ user_id: userId }).delete().returning('id')
  return deleted.length
}
