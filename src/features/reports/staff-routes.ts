import { reportAnswerLines } from './answers'
import { Router, type Request, type Response } from 'express'
import type { ZodType } from 'zod'
import type { Config } from '../../config'
import type { Db } from '../../db'
import { currentUser, requireRole } from '../../web/auth'
import { REPORT_STAFF_ROLES } from '../accounts/roles'
import { parseForm, type FormError, type FormValues } from '../../web/forms'
import { auditContext } from '../audit/service'
import { pinMapSettings } from './pin-map'
import { allowMapTiles } from './public-routes'
import { reportFormOptions } from './service'
import { QUEUE_PATH, queueCsv, queueSearch, readQueueQuery, workQueue, workQueueOptions } from './staff-queue'
import {
  assignSchema,
  CHANNELS,
  duplicateSchema,
  eventModerationSchema,
  moderationSchema,
  onBehalfSchema,
  photoModerationSchema,
  reassignSchema,
  REJECTION_REASONS,
  staffUpdateSchema,
  templateIdSchema,
} from './staff-schemas'
import {
  assignReport,
  fileOnBehalf,
  markDuplicate,
  moderateEvent,
  moderatePhoto,
  moderateReport,
  reassignReport,
  StaffActionError,
  staffPhoto,
  staffReportPage,
  updateReport,
} from './staff-service'
import { REPORT_KINDS } from './states'

const NOTICES = [
  'updated',
  'reassigned',
  'assigned',
  'duplicate',
  'moderated',
  'photo',
  'event',
  'filed',
] as const

/** An id in a path, or -1 (which matches nothing) for anything else. */
const idParam = (value: unknown) =>
  typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : -1

function viewerOf(req: Request) {
  const user = currentUser(req)
  return { id: user.id, departmentId: user.departmentId }
}

export function staffReportRoutes(db: Db, config: Pick<Config, 'mapTileUrl'>): Router {
  const router = Router()
  router.use('/staff/reports', requireRole(...REPORT_STAFF_ROLES))
  const mapTiles = allowMapTiles(config.mapTileUrl)

  router.get(QUEUE_PATH, async (req, res) => {
    const { query, invalid } = readQueueQuery(req.query)
    const [queue, options] = await Promise.all([
      workQueue(db, query, viewerOf(req), req.lang),
      workQueueOptions(db, req.lang),
    ])

    const errors = invalid.map((field) => ({ field, text: req.t(`staffReports.invalid.${field}`) }))
    res.render('staff/reports/index', {
      ...queue,
      options,
      query,
      errors,
      ownDepartment: currentUser(req).departmentId,
      // A list of one department's reports does not repeat its name on every row.
      showDepartment: queue.departmentId === null,
      csvPath: `${QUEUE_PATH}.csv${queueSearch(query)}`,
      allPath: `${QUEUE_PATH}${queueSearch({ ...query, scope: 'all', department: undefined })}`,
      minePath: `${QUEUE_PATH}${queueSearch({ ...query, scope: 'department', department: undefined })}`,
    })
  })

  router.get(`${QUEUE_PATH}.csv`, requireRole(...REPORT_STAFF_ROLES), async (req, res) => {
    const { query } = readQueueQuery(req.query)
    const csv = await queueCsv(db, auditContext(req), query, viewerOf(req), req.lang, req.t)

    res.attachment('reports.csv')
    res.type('text/csv; charset=utf-8').send(csv)
  })

  async function renderNew(
    req: Request,
    res: Response,
    status = 200,
    errors: FormError[] = [],
    values: FormValues = {},
  ) {
    const options = await reportFormOptions(db, req.lang)
    res.status(status).render('staff/reports/new', {
      ...options,
      kinds: REPORT_KINDS,
      channels: CHANNELS,
      map: pinMapSettings(config),
      errors,
      values,
    })
  }

  router.get(`${QUEUE_PATH}/new`, mapTiles, (req, res) => renderNew(req, res))

  router.post(`${QUEUE_PATH}/new`, mapTiles, async (req, res) => {
    const form = parseForm(onBehalfSchema, req)
    if (!form.ok) return renderNew(req, res, 400, form.errors, form.values)
    try {
      const reference = await fileOnBehalf(db, auditContext(req), form.data)
      return res.redirect(303, `${QUEUE_PATH}/${reference}?done=filed`)
    } catch (err) {
      if (!(err instanceof StaffActionError)) throw err
      return renderNew(
        req,
        res,
        400,
        [{ field: err.field, text: req.t(err.messageKey) }],
        req.body as FormValues,
      )
    }
  })

  async function renderReport(
    req: Request,
    res: Response,
    reference: string,
    form: { status: number; name: string | null; errors: FormError[]; values: FormValues },
  ) {
    const template = templateIdSchema.safeParse(req.query.template)
    const view = await staffReportPage(db, reference, req.lang, template.success ? template.data : undefined)
    const answers = await reportAnswerLines(db, view.report, req.lang, req.t)

    const asked = req.query.updated === '1' ? 'updated' : req.query.done
    const done = typeof asked === 'string' ? NOTICES.find((notice) => notice === asked) : undefined
    let values = form.values
    if (!form.name)
      values = view.prefill ? { status: view.prefill.status ?? '', publicMessage: view.prefill.message } : {}
    res.locals.currentPath = `${QUEUE_PATH}/${view.report.reference}`
    res.status(form.status).render('staff/reports/show', {
      answers,
      ...view,
      rejectionReasons: REJECTION_REASONS,
      done: form.errors.length ? null : (done ?? null),
      form: form.name,
      // Which timeline entry's moderation form was sent, to show its errors and input.
      formEvent: form.name === 'event' ? idParam(req.params.event) : null,
      errors: form.errors,
      values,
    })
  }

  router.get(`${QUEUE_PATH}/:reference`, (req, res) =>
    renderReport(req, res, req.params.reference, { status: 200, name: null, errors: [], values: {} }),
  )

  router.get(`${QUEUE_PATH}/:reference/photos/:photo`, async (req, res) => {
    const photo = await staffPhoto(db, req.params.reference, req.params.photo)

    res.type(photo.contentType).send(photo.content)
  })

  /** One POST per form on the page: parse, act, and on a refusal show the page with that form's errors. */
  function action<T>(
    path: string,
    name: string,
    schema: ZodType<T>,
    act: (req: Request, data: T) => Promise<void>,
    notice: (typeof NOTICES)[number],
  ) {
    router.post(`${QUEUE_PATH}/:reference/${path}`, async (req, res) => {
      const reference = String(req.params.reference)
      const form = parseForm(schema, req)
      if (form.ok) {
        try {
          await act(req, form.data)
          // `?updated=1` after a status change is the address bookmarks and older links know.
          const query = notice === 'updated' ? 'updated=1' : `done=${notice}`
          return res.redirect(303, `${QUEUE_PATH}/${reference}?${query}`)
        } catch (err) {
          if (!(err instanceof StaffActionError)) throw err
          const errors = [{ field: err.field, text: req.t(err.messageKey) }]
          return renderReport(req, res, reference, {
            status: 400,
            name,
            errors,
            values: req.body as FormValues,
          })
        }
      }
      return renderReport(req, res, reference, {
        status: 400,
        name,
        errors: form.errors,
        values: form.values,
      })
    })
  }

  action(
    'status',
    'status',
    staffUpdateSchema,
    (req, data) => updateReport(db, auditContext(req), String(req.params.reference), data),
    'updated',
  )
  action(
    'reassign',
    'reassign',
    reassignSchema,
    (req, data) => reassignReport(db, auditContext(req), String(req.params.reference), data),
    'reassigned',
  )
  action(
    'assign',
    'assign',
    assignSchema,
    (req, data) => assignReport(db, auditContext(req), String(req.params.reference), data),
    'assigned',
  )
  action(
    'duplicate',
    'duplicate',
    duplicateSchema,
    (req, data) => markDuplicate(db, auditContext(req), String(req.params.reference), data),
    'duplicate',
  )
  action(
    'moderate',
    'moderate',
    moderationSchema,
    (req, data) => moderateReport(db, auditContext(req), String(req.params.reference), data),
    'moderated',
  )
  action(
    'photos/:photo/moderate',
    'photo',
    photoModerationSchema,
    (req, data) => {
      return moderatePhoto(
        db,
        auditContext(req),
        String(req.params.reference),
        idParam(req.params.photo),
        data,
      )
    },
    'photo',
  )
  action(
    'events/:event/moderate',
    'event',
    eventModerationSchema,
    (req, data) =>
      moderateEvent(db, auditContext(req), String(req.params.reference), idParam(req.params.event), data),
    'event',
  )

  return router
}
