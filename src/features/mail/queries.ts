import type { Knex } from 'knex'

export type OutboxRow = {
  id: number
  to_address: string
  locale: string
  template: string
  data: Record<string, unknown>
  status: 'pending' | 'sent' | 'failed'
  attempts: number
  last_error: string | null
  available_at: Date
  sent_at: Date | null
  created_at: Date
}

/** The outbox, newest first. */
export async function outboxPage(db: Knex, page: { limit: number; offset: number }) {
  const [rows, [{ total }]] = await Promise.all([
    db<OutboxRow>('outbox')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(page.limit)
      .offset(page.offset),
    db('outbox').count({ total: '*' }) as unknown as Promise<[{ total: number }]>,
  ])
  return { rows: rows as OutboxRow[], total: Number(total) }
}

export async function findOutboxMail(db: Knex, id: number): Promise<OutboxRow | undefined> {
  return db<OutboxRow>('outbox').where({ id }).first()
}
