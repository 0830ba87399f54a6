// JSON-lines logs with a request id on every line; credentials and cookies never reach a log.
import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import pino, { type DestinationStream, type Logger } from 'pino'
import pinoHttp from 'pino-http'

/**
 * Errors are logged by type, message, code and stack only: a database error carries the query's
 * values and a body-parser error the raw body, and neither may reach a log.
 */
function errorSummary(err: unknown) {
  if (!(err instanceof Error)) return { message: String(err) }
  const { code, status } = err as { code?: unknown; status?: unknown }
  return { type: err.name, message: err.message, code, status, stack: err.stack }
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

/** Accepts a well-formed X-Request-Id from a proxy, otherwise makes one. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const header = req.headers['x-request-id']
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : crypto.randomUUID()
  res.setHeader('X-Request-Id', id)
  return id
}

/** The path without its query string: query strings may carry codes and tokens. */
function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? ''
}

export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: requestId,
    customLogLevel: (_req, res, err) => {
      if (err || res.statusCode >= 500) return 'error'
      if (res.statusCode >= 400) return 'warn'
      return 'info'
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || (req.url ?? '').startsWith('/assets/') },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: pathOf(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  })
}
