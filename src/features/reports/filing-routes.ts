// Filing a report step by step: kind → category → its questions → title and description →
// location → photos → name shown or not → check your answers → sent. The draft is kept on the
// server, so every step works without JavaScript; the map is an enhancement of the location step.
import { Router, type Request, type Response } from 'express'
import type { Config } from '../../config'
import type { Db } from '../../db'
import { currentUser, requireUser } from '../../web/auth'
import { NotFoundError } from '../../web/errors'
import { parseForm, submittedValues, type FormError, type FormValues } from '../../web/forms'
import { requireVerifiedEmail } from '../accounts/guards'
import { throttledErrors } from '../throttling/middleware'
import { limitReportPhotos, limitReportSending } from '../throttling/service'
import {
  categorySchema,
  categorySearchSchema,
  detailsSchema,
  followSchema,
  kindSchema,
  locationSchema,
  nameSchema,
  questionsSchema,
  sendSchema,
} from './filing-schemas'
import {
  addDraftPhoto,
  afterStep,
  answersFrom,
  categoryChoices,
  checkView,
  chooseCategory,
  discardDraft,
  draftPhoto,
  DraftIncompleteError,
  expiredDraftNotice,
  filedView,
  FILING_PATH,
  followInstead,
  loadDraft,
  locationOptions,
  previousStep,
  questionViews,
  removeDraftPhoto,
  saveAnswers,
  saveLocation,
  sendDraft,
  stepPath,
  type Draft,
  type Step,
} from './filing-service'
import { PHOTO_FIELD, PHOTO_UPLOAD_PATH, photoUploadProblemOf } from './photo-upload'
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTOS, PhotoError } from './photos'
import { pinMapSettings } from './pin-map'
import { allowMapTiles } from './public-routes'
import { publicReportPath } from './public-service'
import { ReportInputError } from './service'

function valuesOf(draft: Draft): FormValues {
  const data = draft.data
  const values: FormValues = {}
  if (data.kind) values.kind = data.kind
  if (data.categoryId) values.categoryId = String(data.categoryId)
  for (const [key, value] of Object.entries(data.answers ?? {})) values[`q_${key}`] = value
  for (const key of ['title', 'description', 'address', 'district'] as const) {
    if (data[key]) values[key] = data[key]
  }
  if (typeof data.lat === 'number' && typeof data.lng === 'number') {
    values.lat = String(data.lat)
    values.lng = String(data.lng)
  }
  if (data.showName !== undefined) values.showName = data.showName ? 'yes' : 'no'
  return values
}

const inputError = (req: Request, err: ReportInputError): FormError[] => [
  { field: err.field, text: req.t(err.messageKey) },
]

export function filingRoutes(db: Db, config: Config): Router {
  const router = Router()
  router.use(FILING_PATH, requireUser, requireVerifiedEmail)
  const mapTiles = allowMapTiles(config.mapTileUrl)

  /** Renders a step with the draft's answers, or with what was sent and its errors. */
  async function renderStep(
    req: Request,
    res: Response,
    step: Step,
    options: {
      draft?: Draft
      errors?: FormError[]
      values?: FormValues
      locals?: Record<string, unknown>
      status?: number
    } = {},
  ) {
    const draft = options.draft ?? (await loadDraft(db, currentUser(req).id))
    const errors = options.errors ?? []
    const values = options.values ?? valuesOf(draft)
    const locals = options.locals ?? {}
    const expiredDraft = await expiredDraftNotice(db, currentUser(req).id)
    const common = { step, draft, errors, values, back: previousStep(step, draft), expiredDraft, ...locals }
    res.status(options.status ?? (errors.length ? 400 : 200))
    switch (step) {
      case 'category': {
        const search = categorySearchSchema.parse({ q: req.query.q ?? '' }).q
        return res.render('reports/new/category', {
          ...common,
          search,
          groups: await categoryChoices(db, req.lang, search),
        })
      }
      case 'questions':
        return res.render('reports/new/questions', {
          ...common,
          questions: questionViews(draft.category, req.lang, req.t),
          notice: draft.category
            ? req.lang === 'en'
              ? draft.category.notice_en
              : draft.category.notice_el
            : null,
        })
      case 'details':
        return res.render('reports/new/details', {
          ...common,
          notice: draft.category
            ? req.lang === 'en'
              ? draft.category.notice_en
              : draft.category.notice_el
            : null,
        })
      case 'location':
        return res.render('reports/new/location', {
          ...common,
          ...(await locationOptions(db, req.lang)),
          map: pinMapSettings(config),
        })
      case 'photos':
        return res.render('reports/new/photos', {
          ...common,
          photoField: PHOTO_FIELD,
          uploadPath: PHOTO_UPLOAD_PATH,
          maxPhotos: MAX_PHOTOS,
          maxMegabytes: MAX_PHOTO_BYTES / (1024 * 1024),
          maxMegapixels: MAX_PHOTO_PIXELS / 1_000_000,
        })
      default:
        return res.render(`reports/new/${step}`, common)
    }
  }

  /** Steps after the first need the ones before them: an early visitor goes to the first open one. */
  async function showStep(req: Request, res: Response, step: Step) {
    const draft = await loadDraft(db, currentUser(req).id)
    if (step === 'questions' && draft.category && draft.category.questions.length === 0) {
      return res.redirect(303, afterStep(draft))
    }
    const order = ['kind', 'category', 'questions', 'details', 'location', 'photos', 'name']
    const open = afterStep(draft).slice(FILING_PATH.length + 1)
    if (order.includes(open) && order.indexOf(open) < order.indexOf(step))
      return res.redirect(303, stepPath(open as Step))
    return renderStep(req, res, step, { draft })
  }

  router.get(FILING_PATH, (req, res) => renderStep(req, res, 'kind'))

  router.get(stepPath('kind'), (req, res) => showStep(req, res, 'kind'))
  router.post(stepPath('kind'), async (req, res) => {
    const form = parseForm(kindSchema, req)
    if (!form.ok) return renderStep(req, res, 'kind', form)
    const draft = await saveAnswers(db, currentUser(req).id, form.data)
    res.redirect(303, afterStep(draft))
  })

  router.get(stepPath('category'), (req, res) => showStep(req, res, 'category'))
  router.post(stepPath('category'), async (req, res) => {
    const form = parseForm(categorySchema, req)
    if (!form.ok) return renderStep(req, res, 'category', form)
    try {
      const draft = await chooseCategory(db, currentUser(req).id, form.data.categoryId)
      res.redirect(303, afterStep(draft))
    } catch (err) {
      if (!(err instanceof ReportInputError)) throw err
      return renderStep(req, res, 'category', {
        errors: inputError(req, err),
        values: submittedValues(req.body),
      })
    }
  })

  router.get(stepPath('questions'), (req, res) => showStep(req, res, 'questions'))
  router.post(stepPath('questions'), async (req, res) => {
    const userId = currentUser(req).id
    const draft = await loadDraft(db, userId)
    if (!draft.category) return res.redirect(303, stepPath('category'))
    const form = parseForm(questionsSchema(draft.category.questions), req)
    if (!form.ok) {
      // Several questions may be unanswered: each message names its question.
      const labels = new Map(
        draft.category.questions.map((question) => [
          `q_${question.key}`,
          req.lang === 'en' ? question.label_en : question.label_el,
        ]),
      )
      const errors = form.errors.map((error) => {
        const label = labels.get(error.field)
        return label
          ? { ...error, text: req.t('errors.filing.aboutQuestion', { label, text: error.text }) }
          : error
      })
      return renderStep(req, res, 'questions', { draft, ...form, errors })
    }
    const saved = await saveAnswers(db, userId, { answers: answersFrom(form.data, draft.category.questions) })
    res.redirect(303, afterStep(saved))
  })

  router.get(stepPath('details'), (req, res) => showStep(req, res, 'details'))
  router.post(stepPath('details'), async (req, res) => {
    const form = parseForm(detailsSchema, req)
    if (!form.ok) return renderStep(req, res, 'details', form)
    const draft = await saveAnswers(db, currentUser(req).id, form.data)
    res.redirect(303, afterStep(draft))
  })

  router.get(stepPath('location'), mapTiles, (req, res) => showStep(req, res, 'location'))
  router.post(stepPath('location'), mapTiles, async (req, res) => {
    const form = parseForm(locationSchema, req)
    if (!form.ok) return renderStep(req, res, 'location', form)
    try {
      const draft = await saveLocation(db, currentUser(req).id, form.data)
      res.redirect(303, afterStep(draft))
    } catch (err) {
      if (!(err instanceof ReportInputError)) throw err
      return renderStep(req, res, 'location', {
        errors: inputError(req, err),
        values: submittedValues(req.body),
      })
    }
  })

  router.get(stepPath('photos'), (req, res) => showStep(req, res, 'photos'))
  router.post(PHOTO_UPLOAD_PATH, async (req, res) => {
    const userId = currentUser(req).id
    const verdict = await limitReportPhotos(db, userId, req.ip)
    if (!verdict.allowed) {
      const errors = throttledErrors(req, res, verdict, 'photoUpload', PHOTO_FIELD)
      return renderStep(req, res, 'photos', { errors, values: {}, status: 429 })
    }
    const problem = photoUploadProblemOf(req)
    try {
      if (problem) throw new PhotoError(problem === 'tooLarge' ? 'tooLarge' : 'notImage')
      await addDraftPhoto(db, userId, req.file?.buffer)
      req.log.info({ event: 'report_photo_added', userId }, 'photo added to a draft report')
      res.redirect(303, `${stepPath('photos')}?added=1`)
    } catch (err) {
      if (!(err instanceof PhotoError)) throw err
      const errors = [{ field: PHOTO_FIELD, text: req.t(`errors.filing.photo.${err.problem}`) }]
      return renderStep(req, res, 'photos', { errors, values: {} })
    }
  })
  router.post(`${stepPath('photos')}/:photoId/remove`, async (req, res) => {
    const id = Number(req.params.photoId)
    if (Number.isSafeInteger(id)) await removeDraftPhoto(db, currentUser(req).id, id)
    res.redirect(303, `${stepPath('photos')}?removed=1`)
  })
  router.get(`${stepPath('photos')}/:photoId`, async (req, res) => {
    const photo = await draftPhoto(db, currentUser(req).id, req.params.photoId)
    res.set({ 'Content-Type': photo.content_type, 'Cache-Control': 'private, no-store' })
    res.send(Buffer.from(photo.content))
  })
  router.post(stepPath('photos'), async (req, res) => {
    const draft = await saveAnswers(db, currentUser(req).id, { photosDone: true })
    res.redirect(303, afterStep(draft))
  })

  router.get(stepPath('name'), (req, res) => showStep(req, res, 'name'))
  router.post(stepPath('name'), async (req, res) => {
    const form = parseForm(nameSchema, req)
    if (!form.ok) return renderStep(req, res, 'name', form)
    const draft = await saveAnswers(db, currentUser(req).id, { showName: form.data.showName === 'yes' })
    res.redirect(303, afterStep(draft))
  })

  /** The check page, or the first step still to answer when there is one. */
  async function renderCheck(req: Request, res: Response, errors: FormError[] = []) {
    try {
      const view = await checkView(db, currentUser(req).id, req.lang, req.t)
      res.render('reports/new/check', { ...view, errors })
    } catch (err) {
      if (!(err instanceof DraftIncompleteError)) throw err
      res.redirect(303, stepPath(err.step))
    }
  }

  router.get(stepPath('check'), (req, res) => renderCheck(req, res))

  router.post(stepPath('check'), async (req, res) => {
    const form = parseForm(sendSchema, req)
    if (!form.ok) return res.redirect(303, stepPath('check'))
    const userId = currentUser(req).id
    const verdict = await limitReportSending(db, userId, req.ip)
    if (!verdict.allowed)
      return renderCheck(req, res, throttledErrors(req, res, verdict, 'reportSend', 'send'))
    try {
      const reference = await sendDraft(db, userId, form.data.submissionKey)
      req.log.info({ event: 'report_filed', reference }, 'report filed')
      res.redirect(303, `${FILING_PATH}/filed/${reference}`)
    } catch (err) {
      if (err instanceof DraftIncompleteError) return res.redirect(303, stepPath(err.step))
      if (err instanceof ReportInputError)
        return res.redirect(303, stepPath(err.field === 'district' ? 'location' : 'category'))
      throw err
    }
  })

  router.post(`${FILING_PATH}/follow`, async (req, res) => {
    const form = parseForm(followSchema, req)
    if (!form.ok) throw new NotFoundError()
    const outcome = await followInstead(db, currentUser(req).id, form.data.reference)
    const notice = outcome === 'own-report' ? 'own' : 'followed'
    res.redirect(303, `${publicReportPath(form.data.reference)}?notice=${notice}`)
  })

  router.post(`${FILING_PATH}/discard`, async (req, res) => {
    await discardDraft(db, currentUser(req).id)
    res.redirect(303, '/reports')
  })

  router.get(`${FILING_PATH}/filed/:reference`, async (req, res) => {
    const { report } = await filedView(db, currentUser(req).id, req.params.reference)
    res.render('reports/new/filed', { report })
  })

  return router
}
