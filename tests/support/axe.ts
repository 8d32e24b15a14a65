import type { AxeResults, NodeResult, Result } from 'axe-core'
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

/** Rules not run: none. (Every rule of the tags above applies, `region` included: the deck gives the slide a main landmark.) */
export const AXE_DISABLED_RULES: readonly string[] = []

/**
 * Defects of Slidev's own controls, not of the deck, matched exactly (rule and element) so that
 * anything else, and these same rules anywhere in the deck's own content, still fails.
 */
export const SLIDEV_UI_DEFECTS: readonly { rule: string, selector: string, why: string }[] = [
  {
    rule: 'nested-interactive',
    // MenuButton.vue of Slidev's client wraps the nav bar's IconButton in another <button>:
    // the "More Options" and "Change sync settings" menus are a button inside a button.
    selector: 'button:has(> button.slidev-icon-btn)',
    why: 'Slidev MenuButton nests its IconButton in a <button>',
  },
]

const DEFECT_ATTRIBUTE = 'data-slidev-ui-defect'

function isSlidevUiDefect(rule: string, node: NodeResult): boolean {
  const openingTag = /^<[^>]*>/.exec(node.html)?.[0] ?? ''
  return SLIDEV_UI_DEFECTS.some(defect => defect.rule === rule && openingTag.includes(`${DEFECT_ATTRIBUTE}="${rule}"`))
}

/** Injects axe-core into the page (once) and runs it on the whole document; returns the violations, Slidev's own UI defects left out. */
export async function runAxe(page: Page): Promise<Result[]> {
  const loaded = await page.evaluate(() => 'axe' in window)
  if (!loaded)
    await page.addScriptTag({ path: AXE_SOURCE })
  // Mark the known Slidev UI defects so their axe results can be told apart by the element itself.
  await page.evaluate(({ defects, attribute }) => {
    for (const { rule, selector } of defects) {
      for (const element of document.querySelectorAll(selector))
        element.setAttribute(attribute, rule)
    }
  }, {
    defects: SLIDEV_UI_DEFECTS.map(({ rule, selector }) => ({ rule, selector })),
    attribute: DEFECT_ATTRIBUTE,
  })
  const results = await page.evaluate(async ({ tags, disabled }) => {
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
    return axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: Object.fromEntries(disabled.map(rule => [
        rule,
        { enabled: false },
      ])),
      resultTypes: ['violations'],
    })
  }, {
    tags: [...AXE_TAGS],
    disabled: [...AXE_DISABLED_RULES],
  })
  return results.violations
    .map(violation => ({
      ...violation,
      nodes: violation.nodes.filter(node => !isSlidevUiDefect(violation.id, node)),
    }))
    .filter(violation => violation.nodes.length > 0)
}

/** One line per violation and element: rule id, impact, target selector, the element and axe's summary of what fails. */
export function describeViolations(violations: readonly Result[]): string {
  return violations.flatMap(violation => violation.nodes.map(node =>
    `${violation.id} (${violation.impact ?? 'n/a'}) at ${node.target.join(' ')} ${node.html.slice(0, 160)}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`,
  )).join('\n')
}
