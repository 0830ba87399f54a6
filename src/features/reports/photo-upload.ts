// Reading the multipart form that carries a photo for a report being filed (see ../../web/uploads.ts).
import { singleFileUpload } from '../../web/uploads'
import { MAX_PHOTO_BYTES } from './photos'

export const PHOTO_UPLOAD_PATH = '/reports/new/photos/upload'
export const PHOTO_FIELD = 'photo'

const photoUpload = singleFileUpload({
  path: PHOTO_UPLOAD_PATH,
  field: PHOTO_FIELD,
  maxBytes: MAX_PHOTO_BYTES,
  drainLimitBytes: 3 * MAX_PHOTO_BYTES,
})

export const photoUploadParser = photoUpload.parser
export const photoUploadProblemOf = photoUpload.problemOf
