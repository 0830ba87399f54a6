// A report's photos at `/reports/<reference>/photos/<id>`, behind the pages that show them: the
// author's report page and the staff report page.
import { Router } from 'express'
import type { Db } from '../../db'
import { currentUser, requireUser } from '../../web/auth'
import { reportPhotoFor } from './service'

const REFERENCE = /^MYT-\d{4}-\d{5,}$/

export function reportPhotoRoutes(db: Db): Router {
  const router = Router()

  router.get('/reports/:reference/photos/:photoId', requireUser, async (req, res, next) => {
    // `/reports/new/photos/<id>` is a photo of the draft being filed, served by the filing pages.
    const reference = String(req.params.reference)
    if (!REFERENCE.test(reference)) return next()
    const photo = await reportPhotoFor(db, currentUser(req), reference, String(req.params.photoId))

    res.set({
      'Content-Type': photo.contentType,
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    })
    res.send(Buffer.from(photo.content))
  })

  return router
}
