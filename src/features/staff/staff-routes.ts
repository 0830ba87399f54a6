import { Router, type NextFunction, type Request, type Response } from 'express'
import type { Db } from '../../db'
import { currentUser, requireRole } from '../../web/auth'
import { NotFoundError } from '../../web/errors'
import { parseForm, submittedValues, type FormError } from '../../web/forms'
import { paginate } from '../../web/pagination'
import { auditContext } from '../audit/service'
import { ASSIGNABLE_ROLES } from './roles'
import { accessSchema, invitationSchema, staffListSchema, userIdSchema } from './schemas'
import {
  changeStaffAccess,
  departmentOptions,
  INVITATION_VALID_DAYS,
  inviteStaff,
  resendInvitation,
  resetStaffTwoFactor,
  setAccountActive,
  staffAccount,
  staffAccounts,
  StaffAdminError,
  STAFF_PAGE_SIZE,
} from './service'

const BASE = '/staff/admin/users'
/** The notices shown after a change, by the `done` query parameter. */
const NOTICES = ['invited', 'access', 'unchanged', 'deactivated', 'reactivated', 'resent', 'twoFactorReset']

function accountId(req: Request): number {
  const id = userIdSchema.safeParse(req.params.id)
  if (!id.success) throw new NotFoundError()
  return id.data
}

/** The roles ticked in a form that is shown again, since checkboxes are not plain text values. */
function checkedRoles(body: unknown): string[] {
  const value = (body as { roles?: unknown } | undefined)?.roles
  const list = Array.isArray(value) ? value : [value]
  return ASSIGNABLE_ROLES.filter((role) => list.includes(role))
}

export function staffAdminRoutes(db: Db): Router {
  const router = Router()
  router.use('/staff/admin', requireRole('admin'), (_req: Request, res: Response, next: NextFunction) => {
    res.locals.section = 'admin'
    next()
  })

  async function renderAccount(
    req: Request,
    res: Response,
    id: number,
    status = 200,
    errors: FormError[] = [],
  ) {
    const [view, departments] = await Promise.all([
      staffAccount(db, id, req.lang),
      departmentOptions(db, req.lang),
    ])
    // The roles form is shown again as it was sent when it was that form that had a problem.
    const accessForm = errors.some((error) => error.field === 'roles' || error.field === 'departmentId')
    const values = accessForm
      ? { ...submittedValues(req.body), roles: checkedRoles(req.body) }
      : { departmentId: String(view.account.departmentId ?? ''), roles: view.account.roles }
    const done =
      typeof req.query.done === 'string' && NOTICES.includes(req.query.done) ? req.query.done : null
    res.status(status).render('staff/admin/user', {
      ...view,
      departments,
      roles: ASSIGNABLE_ROLES,
      isSelf: id === currentUser(req).id,
      done: errors.length ? null : done,
      values,
      errors,
    })
  }

  router.get(BASE, async (req, res) => {
    const query = staffListSchema.parse(req.query)
    const { accounts, total } = await staffAccounts(db, query, query.page, req.lang)

    const pagination = paginate(BASE, req.query, query.page, STAFF_PAGE_SIZE, total)
    res.render('staff/admin/users', { accounts, pagination, query, roles: ASSIGNABLE_ROLES })
  })

  router.get(`${BASE}/new`, async (req, res) => {
    const departments = await departmentOptions(db, req.lang)

    res.render('staff/admin/invite', {
      departments,
      roles: ASSIGNABLE_ROLES,
      validDays: INVITATION_VALID_DAYS,
      values: { locale: 'el', roles: [] },
      errors: [],
      existingUserId: null,
    })
  })

  router.post(`${BASE}/new`, async (req, res) => {
    const form = parseForm(invitationSchema, req)
    let errors = form.ok ? [] : form.errors
    let existingUserId: number | null = null
    if (form.ok) {
      try {
        const id = await inviteStaff(db, auditContext(req), form.data)
        req.log.info({ event: 'staff_invited', userId: id }, 'staff member invited')
        return res.redirect(303, `${BASE}/${id}?done=invited`)
      } catch (err) {
        if (!(err instanceof StaffAdminError)) throw err
        errors = [{ field: err.field, text: req.t(err.messageKey) }]
        existingUserId = err.existingUserId
      }
    }

    const departments = await departmentOptions(db, req.lang)
    res.status(400).render('staff/admin/invite', {
      departments,
      roles: ASSIGNABLE_ROLES,
      validDays: INVITATION_VALID_DAYS,
      values: { ...submittedValues(req.body), roles: checkedRoles(req.body) },
      errors,
      existingUserId,
    })
  })

  router.get(`${BASE}/:id`, async (req, res) => {
    await renderAccount(req, res, accountId(req))
  })

  router.post(`${BASE}/:id/access`, async (req, res) => {
    const id = accountId(req)
    const form = parseForm(accessSchema, req)
    if (!form.ok) return renderAccount(req, res, id, 400, form.errors)

    try {
      const changed = await changeStaffAccess(db, auditContext(req), id, form.data)
      req.log.info({ event: 'staff_access_changed', userId: id, changed }, 'staff roles saved')
      res.redirect(303, `${BASE}/${id}?done=${changed ? 'access' : 'unchanged'}`)
    } catch (err) {
      if (!(err instanceof StaffAdminError)) throw err
      await renderAccount(req, res, id, 400, [{ field: err.field, text: req.t(err.messageKey) }])
    }
  })

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    router.post(`${BASE}/:id/${path}`, async (req, res) => {
      const id = accountId(req)
      try {
        await setAccountActive(db, auditContext(req), id, active)
        req.log.info(
          { event: active ? 'staff_reactivated' : 'staff_deactivated', userId: id },
          'account status set',
        )
        res.redirect(303, `${BASE}/${id}?done=${active ? 'reactivated' : 'deactivated'}`)
      } catch (err) {
        if (!(err instanceof StaffAdminError)) throw err
        await renderAccount(req, res, id, 400, [{ field: err.field, text: req.t(err.messageKey) }])
      }
    })
  }

  router.post(`${BASE}/:id/invitation`, async (req, res) => {
    const id = accountId(req)
    try {
      await resendInvitation(db, auditContext(req), id)
      res.redirect(303, `${BASE}/${id}?done=resent`)
    } catch (err) {
      if (!(err instanceof StaffAdminError)) throw err
      await renderAccount(req, res, id, 400, [{ field: err.field, text: req.t(err.messageKey) }])
    }
  })

  router.post(`${BASE}/:id/two-factor/reset`, async (req, res) => {
    const id = accountId(req)
    const reset = await resetStaffTwoFactor(db, auditContext(req), id, req.sessionID)

    req.log.info({ event: 'mfa_reset', userId: id, reset }, 'two-factor authentication reset')
    res.redirect(303, `${BASE}/${id}?done=${reset ? 'twoFactorReset' : 'unchanged'}`)
  })

  return router
}
