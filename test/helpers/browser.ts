// What the browser tests share: moving by the Tab key as a keyboard user does, and axe in the page.
import type { Page } from 'playwright-core'

/** Tabs forward until the focused element matches, as a keyboard user would. */
export async function tabTo(page: Page, selector: string, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`could not reach ${selector} with the Tab key`)
}

/** Runs axe in the page (which must allow the injected script) for WCAG 2.x A and AA, contrast included. */
export async function axeInBrowser(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (...a: unknown[]) => Promise<{ violations: { id: string }[] }> } }
    ).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })
    return result.violations.map((v) => v.id)
  })
}
