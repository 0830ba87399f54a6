// Reading a multipart form that carries one file, for one route.
//
// The CSRF check reads `req.body._csrf`, which only exists once the multipart body has been parsed,
// so the parser is mounted in app.ts before the CSRF check, for its route only. It parses only for a
// signed-in account: anyone else gets no parsing at all, the CSRF check refuses them, and the
// connection is closed rather than the body read. For a signed-in account, multer keeps at most
// `maxBytes` and a few small fields in memory; the rest of a too-large file is read and thrown away,
// so that its sender sees the page that explains the limit, unless the request announces more than
// `drainLimitBytes`, in which case it is refused before it is read. A parsing problem is kept for
// the route, which runs after the CSRF check, so a forged request is always refused as forged.
import type { NextFunction, Request, Response } from 'express'
import { Router } from 'express'
import multer from 'multer'

export type UploadProblem = 'tooLarge' | 'unreadable'

export type SingleFileUpload = {
  /** The parser to mount before the CSRF check. */
  parser: () => Router
  /** What went wrong while reading the upload, if anything, for the route to explain. */
  problemOf: (req: Request) => UploadProblem | undefined
}

export function singleFileUpload(options: {
  path: string
  field: string
  maxBytes: number
  drainLimitBytes: number
}): SingleFileUpload {
  const problems = new WeakMap<Request, UploadProblem>()
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: options.maxBytes,
      files: 1,
      fields: 4,
      parts: 5,
      fieldSize: 1024,
      fieldNameSize: 50,
      headerPairs: 20,
    },
  }).single(options.field)

  function read(req: Request, res: Response, next: NextFunction): void {
    if (!req.user) {
      // Closing the connection after the refusal keeps Node from reading the rest of the body.
      res.setHeader('Connection', 'close')
      return next()
    }
    const length = Number(req.headers['content-length'])
    if (Number.isFinite(length) && length > options.drainLimitBytes) {
      req.log.warn({ event: 'upload_refused', userId: req.user.id, length }, 'upload far too large')
      res.setHeader('Connection', 'close')
      res.status(413).render('errors/bad-request', { supportId: String(req.id ?? ''), status: 413 })
      return
    }
    parse(req, res, (err: unknown) => {
      if (err) {
        const tooLarge = err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE'
        problems.set(req, tooLarge ? 'tooLarge' : 'unreadable')
        req.log.warn({ event: 'upload_refused', userId: req.user?.id, err }, 'upload could not be read')
      }
      next()
    })
  }

  return {
    parser: () => Router().post(options.path, read),
    problemOf: (req) => problems.get(req),
  }
}
