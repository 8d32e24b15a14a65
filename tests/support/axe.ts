import type { AxeResults, Result } from 'axe-core'
import type { Page } from 'playwright-chromium'
import { resolve } from 'node:path'
import { ROOT } from './paths.ts'

const AXE_SOURCE = resolve(ROOT, 'node_modules/axe-core/axe.min.js')

/** WCAG 2.0 to 2.2, levels A and AA, plus axe's best practices: what the published deck is held to. */
export const AXE_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
  'best-practice',
] as const

/**
 * Injects axe-core into the page (once) and runs every rule of AXE_TAGS on the whole document.
 * Nothing is excluded, no element and no rule: whatever axe finds is returned.
 */
export async function runAxe(page: Page): Promise<Result[]> {
  const loaded = await page.evaluate(() => 'axe' in window)
  if (!loaded)
    await page.addScriptTag({ path: AXE_SOURCE })
  const results = await page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
    return axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })
  }, [...AXE_TAGS])
  return results.violations
}

/** One line per violation and element: rule id, impact, target selector, the element and axe's summary of what fails. */
export function describeViolations(violations: readonly Result[]): string {
  return violations.flatMap(violation => violation.nodes.map(node =>
    `${violation.id} (${violation.impact ?? 'n/a'}) at ${node.target.join(' ')} ${node.html.slice(0, 160)}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`,
  )).join('\n')
}
