// The shipped list of common passwords, served to the browser so that the strength meter refuses
// the same passwords as the server (src/features/accounts/password-policy.ts reads the same list).
import path from 'node:path'
import express, { type Express } from 'express'
import { PASSWORD_MAX, PASSWORD_MIN, SERVICE_WORDS } from './password-policy'

const LIST_DIR = path.dirname(require.resolve('@zxcvbn-ts/language-common/dist/zxcvbn-ts.js'))

export const PASSWORD_LIST_PREFIX = '/assets/vendor/zxcvbn-common'
export const PASSWORD_LIST_FILE = 'zxcvbn-ts.js'

/**
 * Serves only the browser build of the list, cached for a year like the other assets, and gives
 * the pages the rules the meter applies.
 */
export function mountPasswordListAssets(app: Express): void {
  app.locals.passwordRules = {
    min: PASSWORD_MIN,
    max: PASSWORD_MAX,
    listUrl: `${PASSWORD_LIST_PREFIX}/${PASSWORD_LIST_FILE}`,
    serviceWords: SERVICE_WORDS,
  }
  const files = express.static(LIST_DIR, { maxAge: '365d', immutable: true, index: false })
  app.use(PASSWORD_LIST_PREFIX, (req, res, next) => {
    if (req.path !== `/${PASSWORD_LIST_FILE}`) return next()
    files(req, res, next)
  })
}
