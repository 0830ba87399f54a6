// Runs axe-core inside jsdom on a rendered page, for the WCAG 2.x A and AA rules.
import fs from 'node:fs'
import { JSDOM } from 'jsdom'

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export type AxeViolation = { id: string; help: string; nodes: { target: unknown; html: string }[] }

export async function axeViolations(html: string): Promise<AxeViolation[]> {
  const dom = new JSDOM(html, {
    runScripts: 'outside-only',
    pretendToBeVisual: true,
    url: 'http://localhost/',
  })
  try {
    dom.window.eval(axeSource)
    const axe = (
      dom.window as unknown as {
        axe: { run: (...args: unknown[]) => Promise<{ violations: AxeViolation[] }> }
      }
    ).axe
    const result = await axe.run(dom.window.document, {
      runOnly: { type: 'tag', values: TAGS },
      // Colour contrast needs real layout and rendering, which jsdom does not do.
      rules: { 'color-contrast': { enabled: false } },
    })
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
    }))
  } finally {
    dom.window.close()
  }
}
