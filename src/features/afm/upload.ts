// Reading the multipart form that carries an AFM document (see ../../web/uploads.ts).
import { singleFileUpload } from '../../web/uploads'
import { MAX_DOCUMENT_BYTES } from './documents'

export const DOCUMENT_UPLOAD_PATH = '/account/afm/document'
export const DOCUMENT_FIELD = 'document'

const documentUpload = singleFileUpload({
  path: DOCUMENT_UPLOAD_PATH,
  field: DOCUMENT_FIELD,
  maxBytes: MAX_DOCUMENT_BYTES,
  // Up to this size a too-large scan is read and thrown away; beyond it the connection is closed.
  drainLimitBytes: 5 * MAX_DOCUMENT_BYTES,
})

export const documentUploadParser = documentUpload.parser
export const uploadProblemOf = documentUpload.problemOf
