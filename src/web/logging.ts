// JSON-lines logs with a request id on every line; credentials and cookies never reach a log.
import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import pino, { type DestinationStream, type Logger } from 'pino'
import pinoHttp from 'pino-http'

/** A database error: PostgreSQL's five-character SQLSTATE beside its severity. */
function isDatabaseError(err: Error): boolean {
  const { code, severity } = err as { code?: unknown; severity?: unknown }
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string'
}

/**
 * PostgreSQL quotes the offending value in its message (`invalid input syntax for type integer:
 * "…"`); Knex puts the statement before it, with placeholders, not values. The quoted parts after
 * the statement are left out.
 */
function withoutQuotedValues(message: string): string {
  const split = message.lastIndexOf(' - ')
  const statement = split >= 0 ? message.slice(0, split + 3) : ''
  const reason = split >= 0 ? message.slice(split + 3) : message
  return statement + reason.replace(/"[^"]*"|'[^']*'/g, '"…"')
}

/**
 * Errors are logged by type, message, code and stack only: a database error carries the query's
 * values and a body-parser error the raw body, and neither may reach a log. A database error's
 * message loses the values it quotes, and its stack the first line, which repeats the message.
 */
function errorSummary(value: unknown) {
  // pino-http hands over its own summary of the error, which keeps the error itself as `raw`.
  const err = value instanceof Error ? value : (value as { raw?: unknown } | null)?.raw
  if (!(err instanceof Error)) return { message: String(value) }
  const { code, status } = err as { code?: unknown; status?: unknown }
  if (!isDatabaseError(err)) return { type: err.name, message: err.message, code, status, stack: err.stack }
  const { routine, constraint, table, column } = err as unknown as Record<string, unknown>
  const message = withoutQuotedValues(err.message)
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
  return {
    type: 'DatabaseError',
    message,
    code,
    routine,
    constraint,
    table,
    column,
    stack: [`DatabaseError: ${message}`, ...frames].join('\n'),
  }
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'eservices-mytilene' },
    serializers: { err: errorSummary },
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.token',
        '*._csrf',
      ],
      censor: '[redacted]',
    },
  }
  return destination ? pino(options, destination) : pino(options)
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/

/**
 * The request's id: a well-formed X-Request-Id set by the proxy in front of the portal, when there
 * is one to trust (production), otherwise a new one. A browser's own header is never taken.
 */
function requestIds(trustHeader: boolean) {
  return (req: IncomingMessage, res: ServerResponse): string => {
    const header = trustHeader ? req.headers['x-request-id'] : undefined
    const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : crypto.randomUUID()
    res.setHeader('X-Request-Id', id)
    return id
  }
}

/** The path without its query string: query strings may carry codes and tokens. */
function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? ''
}

export function requestLogger(logger: Logger, options: { trustRequestId: boolean }) {
  return pinoHttp({
    logger,
    genReqId: requestIds(options.trustRequestId),
    customLogLevel: (_req, res, err) => {
      if (err || res.statusCode >= 500) return 'error'
      if (res.statusCode >= 400) return 'warn'
      return 'info'
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || (req.url ?? '').startsWith('/assets/') },
    serializers: {
      err: errorSummary,
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: pathOf(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  })
}
