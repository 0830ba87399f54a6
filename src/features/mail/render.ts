// Turns a queued mail into what is sent: the subject, the plain text and the HTML (inside the mail
// layout), all in the recipient's language.
import fs from 'node:fs'
import path from 'node:path'
import ejs from 'ejs'
import { formatDate, formatDateTime } from '../../lib/format'
import { DEFAULT_LANGUAGE, isLanguage, translatorFor } from '../../web/i18n'
import { VIEWS_DIR } from '../../web/views'

const MAIL_VIEWS = path.join(VIEWS_DIR, 'mail')
const TEMPLATE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export type MailToRender = { template: string; locale: string; data: Record<string, unknown> }
export type MailContent = { subject: string; text: string; html: string }
export type RenderOptions = { baseUrl: string; cache?: boolean }

export class MailTemplateError extends Error {}

/** Lower-case words joined by hyphens; `layout` is the frame around every mail, not a mail. */
export function isTemplateName(name: string): boolean {
  return TEMPLATE_NAME.test(name) && name !== 'layout'
}

function templateFile(name: string, part: 'text' | 'html'): string {
  const file = path.join(MAIL_VIEWS, `${name}.${part}.ejs`)
  if (!fs.existsSync(file)) throw new MailTemplateError(`mail template ${name}: no ${part} part`)
  return file
}

function renderFile(file: string, locals: object, options: { cache: boolean; plainText: boolean }) {
  return ejs.renderFile(file, locals, {
    async: false,
    cache: options.cache,
    // Plain text is not HTML: `<%= %>` writes the value as it is.
    ...(options.plainText ? { escape: (value: unknown) => String(value ?? '') } : {}),
  })
}

export async function renderMail(mail: MailToRender, options: RenderOptions): Promise<MailContent> {
  if (!isTemplateName(mail.template)) throw new MailTemplateError(`not a template name: ${mail.template}`)
  const lang = isLanguage(mail.locale) ? mail.locale : DEFAULT_LANGUAGE
  const t = translatorFor(lang)
  const subjectKey = `mail.${mail.template}.subject`
  const subject = t(subjectKey, { ...mail.data })
  if (subject === subjectKey) throw new MailTemplateError(`mail template ${mail.template}: no subject`)

  const locals = {
    t,
    lang,
    subject,
    data: mail.data,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    formatDate: (value: Date | string) => formatDate(value, lang),
    formatDateTime: (value: Date | string) => formatDateTime(value, lang),
  }
  const cache = options.cache ?? false
  const textBody = await renderFile(templateFile(mail.template, 'text'), locals, { cache, plainText: true })
  const htmlBody = await renderFile(templateFile(mail.template, 'html'), locals, { cache, plainText: false })
  const text = await renderFile(
    path.join(MAIL_VIEWS, 'layout.text.ejs'),
    { ...locals, body: textBody.trim() },
    { cache, plainText: true },
  )
  const html = await renderFile(
    path.join(MAIL_VIEWS, 'layout.html.ejs'),
    { ...locals, body: htmlBody },
    { cache, plainText: false },
  )
  return {
    subject,
    text: withLanguage(text, locals.baseUrl, lang, false),
    html: withLanguage(html, locals.baseUrl, lang, true),
  }
}

/**
 * Links to the portal in a mail open the page in the mail's language, even on a device that has
 * never chosen one: `?lang=en` is added to each of them (Greek is the portal's own default).
 */
export function withLanguage(content: string, baseUrl: string, lang: string, html: boolean): string {
  if (lang === DEFAULT_LANGUAGE || !baseUrl) return content
  const escaped = baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const link = new RegExp(`${escaped}(/[^\\s"'<>]*)?`, 'g')
  return content.replace(link, (found) => {
    // A sentence's full stop or comma after a link is not part of it.
    const match = found.replace(/[.,;:!)]+$/, '')
    const trailing = found.slice(match.length)
    const hash = match.indexOf('#')
    const address = hash === -1 ? match : match.slice(0, hash)
    const fragment = hash === -1 ? '' : match.slice(hash)
    if (/[?&](amp;)?lang=/.test(address)) return found
    const joiner = address.includes('?') ? (html ? '&amp;' : '&') : address === baseUrl ? '/?' : '?'
    return `${address}${joiner}lang=${lang}${fragment}${trailing}`
  })
}
