// Reading the multipart form that carries a photo for a report being filed.
//
// Like the AFM document upload (see ../afm/upload.ts), the CSRF token is in the multipart body, so
// this parser is mounted in app.ts before the CSRF check, for this one route only, and parses only
// for a signed-in account. A too-large photo is read and thrown away up to DRAIN_LIMIT_BYTES, so that
// its sender sees the page that explains the limit; a parsing problem is kept for the route, which
// runs after the CSRF check.
import type { NextFunction, Request, Response } from 'express'
import { Router } from 'express'
import multer from 'multer'
import { MAX_PHOTO_BYTES } from './photos'

export const PHOTO_UPLOAD_PATH = '/reports/new/photos/upload'
export const PHOTO_FIELD = 'photo'
const DRAIN_LIMIT_BYTES = 3 * MAX_PHOTO_BYTES

export type PhotoUploadProblem = 'tooLarge' | 'unreadable'
const problems = new WeakMap<Request, PhotoUploadProblem>()

export function photoUploadProblemOf(req: Request): PhotoUploadProblem | undefined {
  return problems.get(req)
}

const parsePhoto = multer({
  storage: multer.memoryStorage(),
  limits: {
    fileSize: MAX_PHOTO_BYTES,
    files: 1,
    fields: 4,
    parts: 5,
    fieldSize: 1024,
    fieldNameSize: 50,
    headerPairs: 20,
  },
}).single(PHOTO_FIELD)

function readPhotoForm(req: Request, res: Response, next: NextFunction): void {
  if (!req.user) {
    res.setHeader('Connection', 'close')
    return next()
  }
  const length = Number(req.headers['content-length'])
  if (Number.isFinite(length) && length > DRAIN_LIMIT_BYTES) {
    req.log.warn({ event: 'upload_refused', userId: req.user.id, length }, 'photo far too large')
    res.setHeader('Connection', 'close')
    res.status(413).render('errors/bad-request', { supportId: String(req.id ?? ''), status: 413 })
    return
  }
  parsePhoto(req, res, (err: unknown) => {
    if (err) {
      const tooLarge = err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE'
      problems.set(req, tooLarge ? 'tooLarge' : 'unreadable')
      req.log.warn({ event: 'upload_refused', userId: req.user?.id, err }, 'photo could not be read')
    }
    next()
  })
}

export function photoUploadParser(): Router {
  const router = Router()
  router.post(PHOTO_UPLOAD_PATH, readPhotoForm)
  return router
}
