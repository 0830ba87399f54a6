// Verification by a clerk: the citizen sends a document, or says they will bring it to the counter,
// and the claim waits in the staff queue at /staff/afm for a decision.
import type { Knex } from 'knex'
import type { DocumentType } from './documents'
import { deleteDocument, saveDocument, setEvidence } from './queries'
import type { AfmVerifier } from './verifier'

export type StaffEvidence = { kind: 'document'; type: DocumentType; content: Buffer } | { kind: 'counter' }

export const staffReview: AfmVerifier<StaffEvidence> = {
  method: 'staff_review',

  async begin(trx: Knex, claim, evidence) {
    if (evidence.kind === 'document') {
      await saveDocument(trx, claim.id, evidence.type, evidence.content)
    } else {
      await deleteDocument(trx, claim.id)
    }
    await setEvidence(trx, claim.id, evidence.kind)
    return { kind: 'await_review' }
  },
}
