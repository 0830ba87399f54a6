import type { TFunction } from 'i18next'
import type { Language } from './web/i18n'
import type { CurrentUser } from './features/accounts/service'

declare global {
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends CurrentUser {}
    interface Request {
      lang: Language
      t: TFunction
    }
  }
}

export {}
