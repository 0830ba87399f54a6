// The invitation link: a new member of staff sets their password, once.
import { Router } from 'express'
import type { Db } from '../../db'
import { parseForm } from '../../web/forms'
import { PASSWORD_MIN } from '../accounts/schemas'
import { invitationTokenSchema, newPasswordSchema } from './schemas'
import { acceptInvitation, findOpenInvitation } from './service'

export const INVITATION_PATH = '/invitation'

export function invitationRoutes(db: Db): Router {
  const router = Router()

  router.get(INVITATION_PATH, async (req, res) => {
    const token = invitationTokenSchema.safeParse(req.query.token)
    const invitation = token.success ? await findOpenInvitation(db, token.data) : null
    if (!token.success || !invitation) return res.status(404).render('staff/admin/invitation-closed')

    res.render('staff/admin/invitation', {
      invitation,
      token: token.data,
      passwordMin: PASSWORD_MIN,
      errors: [],
      values: {},
    })
  })

  router.post(INVITATION_PATH, async (req, res) => {
    const token = invitationTokenSchema.safeParse(req.body?.token)
    const invitation = token.success ? await findOpenInvitation(db, token.data) : null
    if (!token.success || !invitation) return res.status(404).render('staff/admin/invitation-closed')
    const form = parseForm(newPasswordSchema, req)
    if (!form.ok) {
      return res.status(400).render('staff/admin/invitation', {
        invitation,
        token: token.data,
        passwordMin: PASSWORD_MIN,
        errors: form.errors,
        values: {},
      })
    }

    const request = { ip: req.ip ?? null, requestId: req.id ? String(req.id) : null }
    const accepted = await acceptInvitation(db, form.data.token, form.data.password, request)
    if (!accepted) return res.status(404).render('staff/admin/invitation-closed')
    req.log.info({ event: 'staff_invitation_accepted' }, 'invitation used to set a password')
    res.redirect(303, `${INVITATION_PATH}/accepted`)
  })

  router.get(`${INVITATION_PATH}/accepted`, (_req, res) => {
    res.render('staff/admin/invitation-accepted')
  })

  return router
}
