// Builds the Express app: the order of the middleware, then the features' routers.
import compression from 'compression'
import cookieParser from 'cookie-parser'
import express, { type Router } from 'express'
import type { Logger } from 'pino'
import type { Config } from './config'
import type { Db } from './db'
import { mountPasswordListAssets } from './features/accounts/password-list-assets'
import { accountRoutes } from './features/accounts/routes'
import { devMailRoutes } from './features/mail/dev-routes'
import { auditRoutes } from './features/audit/staff-routes'
import { catalogueRoutes } from './features/catalogue/staff-routes'
import { staffTwoFactorGate } from './features/mfa/gate'
import { mfaRoutes } from './features/mfa/routes'
import { mfaSettings } from './features/mfa/service'
import { pageRoutes } from './features/pages/routes'
import { mountLeafletAssets, publicReportRoutes } from './features/reports/public-routes'
import { afmRoutes } from './features/afm/routes'
import { staffAfmRoutes } from './features/afm/staff-routes'
import { documentUploadParser } from './features/afm/upload'
import { privacyRoutes } from './features/privacy/routes'
import { reportRoutes } from './features/reports/routes'
import { filingRoutes } from './features/reports/filing-routes'
import { photoUploadParser } from './features/reports/photo-upload'
import { reportPhotoRoutes } from './features/reports/photo-routes'
import { sessionRoutes } from './features/sessions/routes'
import { staffReportRoutes } from './features/reports/staff-routes'
import { dashboardRoutes } from './features/reports/dashboard'
import { invitationRoutes } from './features/staff/routes'
import { staffAdminRoutes } from './features/staff/staff-routes'
import { setUpPassport, signInBeforeStaffPages } from './web/auth'
import { parseQueryString, stripNulBytes } from './web/body'
import { csrfProtection, csrfTokenLocal } from './web/csrf'
import { errorHandler, notFoundHandler } from './web/errors'
import { healthRoutes } from './web/health'
import { languageMiddleware, languageOnSignIn } from './web/i18n'
import { templateLocals } from './web/locals'
import { requestLogger } from './web/logging'
import { noStore, securityHeaders } from './web/security'
import { sessionMiddleware, SESSION_COOKIE } from './web/session'
import { sessionTimeouts } from './web/session-timeouts'
import { PUBLIC_DIR, setUpViews } from './web/views'

export type AppDependencies = { config: Config; db: Db; logger: Logger }

/** `extraRoutes` lets tests mount routes (a page that fails, say) ahead of the 404 handler. */
export function createApp({ config, db, logger }: AppDependencies, extraRoutes?: Router): express.Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', config.isProduction ? 1 : false)
  app.set('query parser', parseQueryString)
  app.set('sessionCookieName', config.isProduction ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE)
  setUpViews(app, config.isProduction)

  app.use(requestLogger(logger, { trustRequestId: config.isProduction }))
  app.use(securityHeaders(config.isProduction))
  app.use(compression())
  app.use('/assets', express.static(PUBLIC_DIR, { maxAge: '365d', immutable: true, index: false }))
  mountLeafletAssets(app)
  mountPasswordListAssets(app)
  app.use(healthRoutes(db))

  app.use(cookieParser())
  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 200 }))
  app.use(stripNulBytes)
  app.use(languageMiddleware(config.isProduction))
  app.use(sessionMiddleware(config, db))
  const auth = setUpPassport(db)
  app.use(auth.initialize())
  app.use(auth.session())
  app.use(sessionTimeouts)
  app.use(languageOnSignIn(db, config.isProduction))
  app.use(templateLocals)
  app.use(csrfTokenLocal)
  app.use(noStore)
  // Multipart bodies are parsed by their route's own limits, before the CSRF check reads the token.
  app.use(documentUploadParser())
  app.use(photoUploadParser())
  app.use(csrfProtection)

  const mfa = mfaSettings(config)
  app.use(pageRoutes(db, config.isProduction))
  app.use(accountRoutes(db, auth, { mailKept: !config.smtpUrl }))
  app.use(sessionRoutes(db))
  app.use(mfaRoutes(db, mfa))
  app.use(invitationRoutes(db))
  // Ahead of the filing pages, which answer the same address with an older rule for staff.
  app.use(reportPhotoRoutes(db))
  app.use(filingRoutes(db, config))
  app.use(reportRoutes(db))
  app.use('/staff', signInBeforeStaffPages)
  app.use('/staff', staffTwoFactorGate(db, mfa))
  app.use(staffReportRoutes(db, config))
  app.use(dashboardRoutes(db))
  if (!config.isProduction) app.use(devMailRoutes(db, config))
  app.use(publicReportRoutes(db, config))
  app.use(staffAdminRoutes(db))
  app.use(catalogueRoutes(db))
  app.use(auditRoutes(db))
  app.use(afmRoutes(db))
  app.use(staffAfmRoutes(db))
  app.use(privacyRoutes(db))
  if (extraRoutes) app.use(extraRoutes)

  app.use(notFoundHandler)
  app.use(errorHandler)
  return app
}
