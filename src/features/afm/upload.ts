// Reading the multipart form that carries an AFM document.
//
// The CSRF check reads `req.body._csrf`, which only exists once the multipart body has been parsed,
// so this parser is mounted in app.ts before the CSRF check, for this one route only. It parses
// only for a signed-in account: anyone else gets no parsing at all, the CSRF check refuses them,
// and the connection is closed rather than the body read. For a signed-in account, multer keeps at
// most MAX_DOCUMENT_BYTES and a few small fields in memory; the rest of a too-large file is read and
// thrown away, so that its sender sees the page that explains the limit, unless the request
// announces more than DRAIN_LIMIT_BYTES, in which case it is refused before it is read. A parsing
// problem is kept for the route, which runs after the CSRF check, so a forged request is always
// refused as forged.
import type { NextFunction, Request, Response } from 'express'
import { Router } from 'express'
import multer from 'multer'
import { MAX_DOCUMENT_BYTES } from './documents'

export const DOCUMENT_UPLOAD_PATH = '/account/afm/document'
export const DOCUMENT_FIELD = 'document'

/**
 * Up to this size a too-large scan is read and thrown away, so that its sender sees the page that
 * explains the limit; beyond it the connection is closed without reading.
 */
const DRAIN_LIMIT_BYTES = 5 * MAX_DOCUMENT_BYTES

export type UploadProblem = 'tooLarge' | 'unreadable'

const problems = new WeakMap<Request, UploadProblem>()

/** What went wrong while reading the upload, if anything, for the route to explain. */
export function uploadProblemOf(req: Request): UploadProblem | undefined {
  return problems.get(req)
}

const parseDocument = multer({
  storage: multer.memoryStorage(),
  limits: {
    fileSize: MAX_DOCUMENT_BYTES,
    files: 1,
    fields: 4,
    parts: 5,
    fieldSize: 1024,
    fieldNameSize: 50,
    headerPairs: 20,
  },
}).single(DOCUMENT_FIELD)

function declaredLength(req: Request): number | null {
  const header = req.headers['content-length']
  if (header === undefined) return null
  const length = Number(header)
  return Number.isFinite(length) ? length : null
}

function readDocumentForm(req: Request, res: Response, next: NextFunction): void {
  if (!req.user) {
    // Closing the connection after the refusal keeps Node from reading the rest of the body.
    res.setHeader('Connection', 'close')
    return next()
  }
  const length = declaredLength(req)
  if (length !== null && length > DRAIN_LIMIT_BYTES) {
    req.log.warn({ event: 'upload_refused', userId: req.user.id, length }, 'upload far too large')
    res.setHeader('Connection', 'close')
    res.status(413).render('errors/bad-request', { supportId: String(req.id ?? ''), status: 413 })
    return
  }
  parseDocument(req, res, (err: unknown) => {
    if (err) {
      const tooLarge = err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE'
      problems.set(req, tooLarge ? 'tooLarge' : 'unreadable')
      req.log.warn({ event: 'upload_refused', userId: req.user?.id, err }, 'upload could not be read')
    }
    next()
  })
}

export function documentUploadParser(): Router {
  const router = Router()
  router.post(DOCUMENT_UPLOAD_PATH, readDocumentForm)
  return router
}
