import express from 'express'
import request from 'supertest'
import { decodeCursor, encodeCursor } from '../../src/features/reports/staff-queue'
import { isFilterDay } from '../../src/lib/days'
import { parseQueryString } from '../../src/web/body'
import { csvCell, spreadsheetCsv } from '../../src/web/csv'
import { createLogger, requestLogger } from '../../src/web/logging'
import { safeLocalPath } from '../../src/web/redirects'

describe('CSV cells', () => {
  it('keep text that starts like a formula as text, and numbers as numbers', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+30 22510 12345')).toBe("'+30 22510 12345")
    expect(csvCell('-5')).toBe("'-5")
    expect(csvCell('@user')).toBe("'@user")
    expect(csvCell('\tx')).toBe("'\tx")
    expect(csvCell('\rx')).toBe("'\rx")
    expect(csvCell('Λακκούβα = μεγάλη')).toBe('Λακκούβα = μεγάλη')
    expect(csvCell(-5)).toBe(-5)
    expect(csvCell(null)).toBe('')
  })

  it('make a file Excel set to Greek opens', () => {
    const csv = spreadsheetCsv(['Τίτλος', 'Πλήθος'], [['=SUM(A1)', -2]])
    expect(csv).toBe("\uFEFFΤίτλος;Πλήθος\r\n'=SUM(A1);-2\r\n")
  })
})

describe('paths to return to', () => {
  it('are tidied as a browser would, and refused when they would leave the portal', () => {
    for (const path of [
      '/.//evil.example',
      '/a/..//evil.example',
      '/%2e//evil.example',
      '/\t/evil.example',
    ]) {
      expect(safeLocalPath(path, '/back')).toBe('/back')
    }
    expect(safeLocalPath('/public/./reports?status=open#map')).toBe('/public/reports?status=open#map')
    expect(safeLocalPath('/public/reports/../../following')).toBe('/following')
  })
})

describe('query strings', () => {
  it('lose NUL and other control characters, in names and values', () => {
    const query = parseQueryString(
      'action=report%00.exported&q=a%1Fb%7F&status=open&status=%00resolved&x%00=1',
    )
    expect({ ...query }).toEqual({
      action: 'report.exported',
      q: 'ab',
      status: ['open', 'resolved'],
      x: '1',
    })
  })
})

describe('filter days', () => {
  it('exist and fall from 2000 to 2099', () => {
    expect(isFilterDay('2026-02-28')).toBe(true)
    expect(isFilterDay('2028-02-29')).toBe(true)
    for (const day of ['2026-02-29', '0000-01-01', '1999-12-31', '2100-01-01', '99999-01-01', '2026-1-1']) {
      expect(isFilterDay(day)).toBe(false)
    }
  })
})

describe('queue cursors', () => {
  it('hold only timestamps PostgreSQL can read and whole ids', () => {
    const good = ['2026-12-01 09:30:00.123456+02', '42']
    expect(decodeCursor(encodeCursor(good), 'newest')).toEqual(good)
    expect(decodeCursor(encodeCursor(['2026-12-01 09:30:00+05:30', '42']), 'newest')).toBeDefined()
    for (const bad of [
      ['2026-12-01 00:00:00+99', '5'],
      ['2026-12-01 00:00:00+16', '5'],
      ['2026-12-01 24:00:00+02', '5'],
      ['2026-02-30 00:00:00+02', '5'],
      ['2026-12-01 00:00:00+02', '5.5'],
    ]) {
      expect(decodeCursor(encodeCursor(bad), 'newest')).toBeUndefined()
    }
  })
})

describe('logs', () => {
  it('keep the code of a database error but not the values it quotes', () => {
    const lines: string[] = []
    const logger = createLogger('info', { write: (line: string) => lines.push(line) })
    const err = Object.assign(
      new Error(
        'select * from "users" where "id" = $1 - invalid input syntax for type bigint: "4242-secret"',
      ),
      { code: '22P02', severity: 'ERROR', routine: 'pg_strtoint64_safe', detail: 'Key (email)=(a@b)' },
    )
    logger.error({ err }, 'unhandled error')
    const log = lines.join('')
    expect(log).toContain('22P02')
    expect(log).toContain('select * from \\"users\\" where \\"id\\" = $1')
    expect(log).not.toContain('4242-secret')
    expect(log).not.toContain('a@b')
  })

  it('take a well-formed request id from a trusted proxy only', async () => {
    const logger = createLogger('silent')
    const app = (trustRequestId: boolean) =>
      express()
        .use(requestLogger(logger, { trustRequestId }))
        .get('/', (_req, res) => {
          res.send('ok')
        })
    const behindProxy = app(true)
    expect(
      (await request(behindProxy).get('/').set('X-Request-Id', 'abc-123-def')).headers['x-request-id'],
    ).toBe('abc-123-def')
    const forged = await request(behindProxy).get('/').set('X-Request-Id', '<script>alert(1)</script>')
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    const direct = await request(app(false)).get('/').set('X-Request-Id', 'abc-123-def')
    expect(direct.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })
})
