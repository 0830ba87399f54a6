import { Router, type Request, type Response } from 'express'
import type { Db } from '../../db'
import { currentUser, requireUser } from '../../web/auth'
import { parseForm, type FormError } from '../../web/forms'
import { auditContext } from '../audit/service'
import { closeAccountSchema } from './schemas'
import {
  canCloseOwnAccount,
  closeAccount,
  exportAccountData,
  exportFileName,
  StaffAccountError,
  WrongPasswordError,
} from './service'

function endSession(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    req.logout((logoutError) => {
      if (logoutError) return reject(logoutError)
      req.session.destroy((destroyError) => {
        if (destroyError) return reject(destroyError)
        res.clearCookie(req.app.get('sessionCookieName') as string)
        resolve()
      })
    })
  })
}

export function privacyRoutes(db: Db): Router {
  const router = Router()
  router.use(['/account/data', '/account/data.json', '/account/close'], requireUser)

  router.get('/account/data', (req, res) => {
    res.render('privacy/data', { canClose: canCloseOwnAccount(currentUser(req).roles) })
  })

  router.get('/account/data.json', async (req, res) => {
    const user = currentUser(req)
    const data = await exportAccountData(db, user.id, req.sessionID)

    req.log.info({ event: 'data_exported', userId: user.id }, 'account data exported')
    res.set({
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(data.exportedAt)}"`,
      'X-Content-Type-Options': 'nosniff',
    })
    res.send(JSON.stringify(data, null, 2))
  })

  function renderClose(req: Request, res: Response, status = 200, errors: FormError[] = []) {
    const canClose = canCloseOwnAccount(currentUser(req).roles)
    res.status(status).render('privacy/close', { canClose, errors, values: {} })
  }

  router.get('/account/close', (req, res) => renderClose(req, res))

  router.post('/account/close', async (req, res) => {
    const form = parseForm(closeAccountSchema, req)
    if (!form.ok) return renderClose(req, res, 400, form.errors)

    const user = currentUser(req)
    try {
      await closeAccount(db, auditContext(req), user, form.data.password)
    } catch (err) {
      if (err instanceof WrongPasswordError) {
        req.log.warn({ event: 'close_account_refused', userId: user.id }, 'wrong password to close account')
        return renderClose(req, res, 400, [
          { field: 'password', text: req.t('errors.privacyData.passwordWrong') },
        ])
      }
      if (err instanceof StaffAccountError) {
        return renderClose(req, res, 400, [
          { field: 'password', text: req.t('errors.privacyData.staffAccount') },
        ])
      }
      throw err
    }

    req.log.info({ event: 'account_closed', userId: user.id }, 'account closed')
    await endSession(req, res)
    res.redirect(303, '/account-closed')
  })

  router.get('/account-closed', (_req, res) => {
    res.render('privacy/closed')
  })

  return router
}
