// Server-side sessions in PostgreSQL; the cookie carries only the session id.
import session from 'express-session'
import { ConnectSessionKnexStore } from 'connect-session-knex'
import type { Config } from '../config'
import type { Db } from '../db'

export const SESSION_COOKIE = 'mytilene.sid'
const TWELVE_HOURS = 12 * 60 * 60 * 1000

export function sessionMiddleware(config: Config, db: Db) {
  const store = new ConnectSessionKnexStore({
    knex: db,
    tableName: 'sessions',
    createTable: false,
    cleanupInterval: config.env === 'test' ? 0 : 15 * 60 * 1000,
  })
  return session({
    name: config.isProduction ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE,
    secret: config.sessionSecret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.isProduction,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.isProduction,
      path: '/',
      maxAge: TWELVE_HOURS,
    },
  })
}
