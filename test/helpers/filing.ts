// Filing a report through the step-by-step pages, as a resident without JavaScript would.
import type { Db } from '../../src/db'
import { csrfFrom, type Agent } from './app'

/** GETs a step and POSTs its form with the page's CSRF token. */
export async function postStep(agent: Agent, path: string, fields: Record<string, string>) {
  const page = await agent.get(path)
  return agent
    .post(path)
    .type('form')
    .send({ ...fields, _csrf: csrfFrom(page.text) })
}

export async function categoryIdOf(db: Db, code: string): Promise<number> {
  const row = await db('categories').where({ code }).first('id')
  return Number(row.id)
}

export type JourneyFields = {
  kind?: string
  category?: string
  answers?: Record<string, string>
  title?: string
  description?: string
  address?: string
  district?: string
  lat?: string
  lng?: string
  showName?: 'yes' | 'no'
}

/** Answers every step up to the check page; returns the check page. */
export async function fillDraft(agent: Agent, db: Db, fields: JourneyFields = {}) {
  const categoryId = await categoryIdOf(db, fields.category ?? 'pothole')
  const expectRedirect = (response: { status: number; text: string }, step: string) => {
    if (response.status !== 303)
      throw new Error(`${step} answered ${response.status}: ${response.text.slice(0, 500)}`)
  }
  expectRedirect(await postStep(agent, '/reports/new/kind', { kind: fields.kind ?? 'report' }), 'kind')
  const category = await postStep(agent, '/reports/new/category', { categoryId: String(categoryId) })
  expectRedirect(category, 'category')
  if (category.headers.location === '/reports/new/questions') {
    expectRedirect(await postStep(agent, '/reports/new/questions', fields.answers ?? {}), 'questions')
  }
  expectRedirect(
    await postStep(agent, '/reports/new/details', {
      title: fields.title ?? 'Λακκούβα στην Ερμού',
      description: fields.description ?? 'Βαθιά λακκούβα μπροστά από το νούμερο 30.',
    }),
    'details',
  )
  const district = fields.district ?? String((await db('districts').orderBy('sort_order').first('code')).code)
  expectRedirect(
    await postStep(agent, '/reports/new/location', {
      address: fields.address ?? 'Ερμού 30',
      district,
      lat: fields.lat ?? '',
      lng: fields.lng ?? '',
    }),
    'location',
  )
  expectRedirect(await postStep(agent, '/reports/new/photos', {}), 'photos')
  expectRedirect(await postStep(agent, '/reports/new/name', { showName: fields.showName ?? 'no' }), 'name')
  return agent.get('/reports/new/check')
}

export function submissionKeyFrom(html: string): string {
  const key = /name="submissionKey" value="([^"]+)"/.exec(html)?.[1]
  if (!key) throw new Error('no submission key on the check page')
  return key
}

/** Files a report through every step; returns the answer to sending (a redirect to the confirmation). */
export async function fileReportThroughJourney(agent: Agent, db: Db, fields: JourneyFields = {}) {
  const check = await fillDraft(agent, db, fields)
  return agent
    .post('/reports/new/check')
    .type('form')
    .send({ submissionKey: submissionKeyFrom(check.text), _csrf: csrfFrom(check.text) })
}

/** Sends a photo from the photos step, as its form does. */
export async function uploadPhoto(agent: Agent, bytes: Buffer, filename = 'photo.png') {
  const page = await agent.get('/reports/new/photos')
  return agent
    .post('/reports/new/photos/upload')
    .field('_csrf', csrfFrom(page.text))
    .attach('photo', bytes, { filename, contentType: 'image/jpeg' })
}
