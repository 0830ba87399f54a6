// What a browser would send for a form of a page as it stands: its filled fields, checked boxes,
// chosen options and hidden fields (the CSRF token among them).
import { JSDOM } from 'jsdom'

export function formFields(html: string, action: string): Record<string, string> {
  const dom = new JSDOM(html)
  try {
    const form = dom.window.document.querySelector<HTMLFormElement>(`form[action="${action}"]`)
    if (!form) throw new Error(`no form posting to ${action}`)
    const fields: Record<string, string> = {}
    for (const [name, value] of new dom.window.FormData(form).entries()) {
      if (typeof value === 'string') fields[name] = value
    }
    return fields
  } finally {
    dom.window.close()
  }
}
