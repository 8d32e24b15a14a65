import type { Browser, BrowserContext, Locator, Page } from 'playwright-chromium'
import type { StaticServer } from '../scripts/lib/serve.ts'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { slideAnnouncement } from '../app/composables/useSlideAnnouncer.ts'
import { fontsReady } from '../scripts/lib/page.client.ts'
import { serveStatic } from '../scripts/lib/serve.ts'
import { GOTO_INPUT_LABEL } from '../scripts/lib/slidev-overrides.ts'
import * as axeSupport from './support/axe.ts'
import { describeViolations, runAxe } from './support/axe.ts'
import { connectBrowser } from './support/browser.ts'
import { loadDeckWithContent } from './support/deck.ts'
import { ROOT } from './support/paths.ts'
import { currentSlide, firstSlidesWithoutClicks, guardNetwork, openSlide, showSlideAllClicks, startApp, waitForSlide } from './support/site.ts'

const deck = await loadDeckWithContent()
const slideNumbers = deck.slides.map(slide => slide.number)
const figuresSlide = deck.slides.find(slide => /<AttendanceStats\b/.test(slide.content))
/** The slides with links of the deck's own components: talks, QR codes, pointers to other slides. */
const talkSlides = deck.slides.filter(slide => /<(?:TalkBoard|TalkLinks?|SlideRef|DeckQr)\b/.test(slide.content))
const titleTemplate = String(deck.headmatter.raw.titleTemplate)
const templated = (text: string): string => titleTemplate.replace('%s', text)

/** The deck's pages other than a slide: where each is, what shows it is ready, and its document title. */
const VIEWS = {
  root: {
    path: '',
    ready: '#slideshow .slidev-page-1 .slidev-layout',
    title: templated(deck.slides[0]!.title),
  },
  presenter: {
    path: 'presenter',
    ready: '#slideshow .slidev-page-1 .slidev-layout',
    title: templated('Presenter'),
  },
  overview: {
    path: 'overview',
    ready: '.overview-slide-block .slidev-layout',
    title: templated('Overview'),
  },
  handout: {
    path: 'handout',
    ready: 'html[data-handout="ready"]',
    title: templated('Handout'),
  },
  handoutThreeUp: {
    path: 'handout?layout=3up',
    ready: 'html[data-handout="ready"]',
    title: templated('Handout'),
  },
} as const

type View = (typeof VIEWS)[keyof typeof VIEWS]

/** The colour schemes the deck follows (colorSchema: auto), each checked. */
const SCHEMES = ['light', 'dark'] as const

type Scheme = (typeof SCHEMES)[number]

let server: StaticServer
let browser: Browser

beforeAll(async () => {
  server = await serveStatic(inject('distDir'))
  browser = await connectBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Opens a page of the deck by path ('' for the deck's root) with the system in `scheme`, and waits until it has drawn. */
async function openView(page: Page, { path, ready }: View, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme })
  await page.goto(new URL(path, server.url).href)
  await startApp(page)
  await page.locator(ready).first().waitFor({ state: 'attached' })
  await page.evaluate(fontsReady)
}

/** Whether the page is on `view` (the presenter's URL may name a slide after it: /presenter/1). */
function isOn(page: Page, { path }: View): boolean {
  const current = URL.parse(page.url())
  return current?.origin === new URL(server.url).origin
    && (current.pathname === `/${path}` || current.pathname.startsWith(`/${path}/`))
}

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext, page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    ...options,
  })
  await guardNetwork(context, [server.url])
  return { context, page: await context.newPage() }
}

/**
 * A context and page for the describe block it is called in, with the system in `colorScheme`:
 * opened before its tests, closed after them. Its tests share the page, each reaching what it
 * checks from where the last one left it (through the deck's router, or a menu opened again)
 * instead of loading the deck again. After a failed test the page is emptied (about:blank) and the
 * scheme set back, so that the next test loads its page afresh instead of inheriting a half-done
 * state.
 */
function pageForBlock(colorScheme: Scheme = 'light'): { context: BrowserContext, page: Page } {
  const view = {} as { context: BrowserContext, page: Page }
  beforeAll(async () => {
    Object.assign(view, await newPage({ colorScheme }))
  })
  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      await view.page.emulateMedia({ colorScheme, media: 'screen' })
      await view.page.goto('about:blank')
    })
  })
  afterAll(async () => {
    await view.context?.close()
  })
  return view
}

/** Waits until the page's CSS transitions have ended (their own events, however loaded the machine). */
async function transitionsEnded(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await Promise.all(document.getAnimations().filter(animation => animation instanceof CSSTransition).map(animation => animation.finished.catch(() => undefined)))
  })
}

/** Whether the deck shows its dark scheme: <html> has the `dark` class. */
async function isDark(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.classList.contains('dark'))
}

/**
 * Turns the system colour scheme to `scheme`, as a reader's system would, and asserts that the deck
 * follows it (colorSchema: auto): <html> has the `dark` class exactly when the scheme is dark. The
 * class is awaited as a state; then the page's transitions, so that colours are the scheme's own.
 */
async function useScheme(page: Page, scheme: Scheme, where: string): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme })
  const dark = scheme === 'dark'
  await page.waitForFunction(wanted => document.documentElement.classList.contains('dark') === wanted, dark).catch(() => undefined)
  expect(await isDark(page), `${where}: with the system ${scheme}, <html> has the dark class`).toBe(dark)
  await transitionsEnded(page)
}

/**
 * Turns the system colour scheme to `scheme` and waits for what follows it as events: the media
 * query's change in the page, then two frames (Slidev's watcher, then any the page adds after it).
 */
async function switchScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __schemeSwitched: Promise<void> }).__schemeSwitched = new Promise<void>((done) => {
      matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
        requestAnimationFrame(() => requestAnimationFrame(() => done()))
      }, { once: true })
    })
  })
  await page.emulateMedia({ colorScheme: scheme })
  await page.evaluate(async () => (window as unknown as { __schemeSwitched: Promise<void> }).__schemeSwitched)
}

/** SCHEMES, the one the page's system is in now first: checking a page in both then switches once. */
async function schemesFromCurrent(page: Page): Promise<Scheme[]> {
  const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)
  return dark
    ? ['dark', 'light']
    : ['light', 'dark']
}

/** Runs axe on the page; a violation is recorded (soft), so that the other scheme or option is still checked. */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  expect.soft(describeViolations(await runAxe(page)), `${where}: axe violations`).toBe('')
}

/** Waits for the document title to be `wanted` (a state), then asserts it. */
async function expectTitle(page: Page, wanted: string, where: string): Promise<void> {
  await page.waitForFunction(title => document.title === title, wanted).catch(() => undefined)
  expect(await page.title(), `${where}: <title>`).toBe(wanted)
}

const INTERACTIVE = ':is(button, a[href], [role="button"], input, select, textarea)'

/** Asserts that no interactive element of the page is inside another (a button in a button). */
async function expectNoNestedInteractive(page: Page, where: string): Promise<void> {
  const nested = await page.locator(`${INTERACTIVE} ${INTERACTIVE}`).evaluateAll(
    els => els.map(el => el.outerHTML.slice(0, 120)),
  )
  expect(nested, `${where}: an interactive element inside another`).toEqual([])
}

/** Asserts that a print view announces nothing: no live region shown, none with text. The announcer mounts with the deck's root component, before any slide or the handout renders. */
async function expectNoAnnouncement(page: Page, where: string): Promise<void> {
  const regions = await page.locator('[aria-live], [role="status"], [role="alert"], [role="log"]').evaluateAll(els => els.map(el => ({
    html: el.outerHTML.slice(0, 120),
    shown: el.checkVisibility() && getComputedStyle(el).display !== 'none' && !(el as HTMLElement).hidden,
    text: el.textContent?.trim() ?? '',
  })))
  expect(regions.filter(region => region.shown || region.text !== ''), `${where}: live regions shown or with text`).toEqual([])
}

/** The menus of Slidev's nav bar and presenter (app/overrides/MenuButton.vue): where, which button, what shows it is open, and its toggle options. */
interface Menu {
  readonly path: string
  readonly button: string
  readonly shown: string
  readonly options: readonly string[]
}

const SLIDE_MENUS: readonly Menu[] = [
  {
    path: '1',
    button: 'More Options',
    shown: 'Brightness',
    options: ['Laser', '1:1'],
  },
]

const PRESENTER_MENUS: readonly Menu[] = [
  {
    path: 'presenter',
    button: 'More Options',
    shown: 'Brightness',
    options: ['Laser'],
  },
  {
    path: 'presenter',
    button: 'Change sync settings',
    shown: 'Bidirectional Sync',
    options: [],
  },
]

/** Waits until the element reports `name="value"` (a state, as Playwright waits for one), however long the machine takes. */
async function waitForAttribute(element: Locator, name: string, value: string): Promise<void> {
  await element.and(element.page().locator(`[${name}="${value}"]`)).waitFor()
}

/**
 * Asserts that the open menu is opaque once the page's transitions have ended: the nav bar fades in
 * on hover (a 300 ms transition), and until it is opaque, colours are in between.
 */
async function expectOpaque(list: Locator, where: string): Promise<void> {
  await transitionsEnded(list.page())
  expect(await list.evaluate((el) => {
    let opacity = 1
    for (let node: Element | null = el; node; node = node.parentElement)
      opacity *= Number(getComputedStyle(node).opacity)
    return opacity
  }), `${where}: the menu is not opaque once its transitions have ended`).toBe(1)
}

/** Opens one of the page's menus from its button, and waits until it is shown and opaque; returns both. */
async function openMenu(page: Page, { path, button, shown }: Menu): Promise<{ toggle: Locator, list: Locator }> {
  const toggle = page.getByRole('button', { name: button, exact: true })
  await toggle.click()
  await waitForAttribute(toggle, 'aria-expanded', 'true')
  const list = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`)
  await list.getByText(shown, { exact: true }).waitFor()
  await expectOpaque(list, `"${button}" on /${path}`)
  return { toggle, list }
}

/**
 * Declares, in the describe block it is called in, the tests of `menus` on the block's page, which
 * `reach` brings to the menus' page (loading it only when the page is not there already).
 */
function menuTests(view: { page: Page }, menus: readonly Menu[], reach: () => Promise<void>): void {
  const rows = menus.map(menu => [menu.button, `/${menu.path}`, menu] as const)

  it.each(rows)('with "%s" open on %s, every control in the menu has an accessible name of its own, and Escape gives focus back', async (_button, _path, menu) => {
    await reach()
    await useScheme(view.page, 'light', `/${menu.path}`)
    const { toggle, list } = await openMenu(view.page, menu)
    const controls = await list.locator('input:not([type="hidden"]), select, textarea, button, [role="radio"], [role="checkbox"], [role="button"], [role="slider"]').count()
    // The names as Chromium's accessibility tree has them (Playwright's snapshot of it), one line per control.
    const named = [
      ...(await list.ariaSnapshot()).matchAll(/^\s*- (button|checkbox|radio|slider|spinbutton|textbox|combobox|listbox|switch|searchbox)(?=[\s:]|$)(?: "((?:[^"\\]|\\.)*)")?/gm),
    ]
      .map(m => ({ role: m[1]!, name: m[2]?.trim() ?? '' }))
    expect(controls, `no controls in "${menu.button}"`).toBeGreaterThan(0)
    expect(named.length, `"${menu.button}": ${controls} form controls but ${named.length} in the accessibility tree`).toBe(controls)
    expect(named.filter(control => control.name === ''), `"${menu.button}" on /${menu.path}: unnamed controls`).toEqual([])
    // A name is the control's own: no two controls of one role share one (a <label> around two controls names only the first).
    const names = named.map(control => `${control.role} "${control.name}"`)
    expect(names.filter((name, i) => names.indexOf(name) !== i), `"${menu.button}": controls with the same name`).toEqual([])
    await list.locator('input, button, [role="radio"]').first().focus()
    await view.page.keyboard.press('Escape')
    await waitForAttribute(toggle, 'aria-expanded', 'false')
    expect(await toggle.evaluate(el => el === document.activeElement), `"${menu.button}": focus after Escape`).toBe(true)
  })

  it.each(rows)('with "%s" open on %s, no violations in light or dark, whichever option is pressed', async (_button, _path, menu) => {
    await reach()
    const { toggle, list } = await openMenu(view.page, menu)
    for (const scheme of await schemesFromCurrent(view.page)) {
      const where = `"${menu.button}" open on /${menu.path} (${scheme})`
      await useScheme(view.page, scheme, where)
      await expectOpaque(list, where)
      await expectNoViolations(view.page, where)
      // A pressed option takes a colour of its own (Slidev hashes it from the label): check each one
      // pressed, then press again the options pressed before, so the other scheme starts as this one did.
      for (const option of menu.options) {
        const button = list.getByRole('button', { name: option, exact: true })
        const before = await list.locator('button[aria-pressed="true"]').evaluateAll(els => els.map(el => el.textContent?.trim() ?? ''))
        await button.click()
        await waitForAttribute(button, 'aria-pressed', 'true')
        await expectNoViolations(view.page, `${where}, "${option}" pressed`)
        for (const pressed of before) {
          const again = list.getByRole('button', { name: pressed, exact: true })
          await again.click()
          await waitForAttribute(again, 'aria-pressed', 'true')
        }
      }
    }
    await view.page.keyboard.press('Escape')
    await waitForAttribute(toggle, 'aria-expanded', 'false')
  })
}

describe('axe-core', () => {
  it('the axe support excludes nothing: no exclusion list, no disabled rule, no filtering', async () => {
    expect(Object.keys(axeSupport).sort()).toEqual(['AXE_TAGS', 'describeViolations', 'runAxe'])
    const source = await readFile(resolve(ROOT, 'tests/support/axe.ts'), 'utf8')
    expect(source).not.toMatch(/\bexclude\b|enabled:\s*false|DEFECT|\.filter\(/)
  })
})

/**
 * One page walks the slide show, slide to slide through the deck's router (as a reader moving on
 * would), and every test of a slide reaches it from where the last one left the page. Only what
 * must start from a fresh load loads the deck.
 */
describe('the slide show, one page moving through the deck’s router', () => {
  const view = pageForBlock('light')

  /** Leaves focus with the document, as on a fresh load: a key press then goes where a reader's first one would. */
  async function blur(): Promise<void> {
    await view.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  }

  it('follows the system colour scheme (colorSchema: auto): light when loaded so, then dark and light again as the system changes', async () => {
    await openSlide(view.page, server.url, 1)
    expect(await isDark(view.page), 'slide 1 loaded with the system light: <html> has the dark class').toBe(false)
    await useScheme(view.page, 'dark', 'slide 1')
    await useScheme(view.page, 'light', 'slide 1')
  })

  describe('document', () => {
    it('moving to another slide is announced once, politely, with its number and title; not before, and never in print', async () => {
      const first = firstSlidesWithoutClicks(deck.slides, 2)
      // From a fresh load: nothing announced yet.
      await openSlide(view.page, server.url, first)
      const region = view.page.locator('[aria-live]')
      expect(await region.count()).toBe(1)
      expect(await region.getAttribute('aria-live')).toBe('polite')
      expect(await region.textContent()).toBe('')
      await view.page.keyboard.press('ArrowRight')
      await waitForSlide(view.page, first + 1)
      const next = deck.slides[first]!
      const expected = slideAnnouncement({ no: next.number, total: deck.slides.length, title: next.title })
      expect(expected).toBe(`Slide ${next.number} of ${deck.slides.length}: ${next.title}`)
      await expect.poll(() => region.textContent()).toBe(expected)
      await view.page.emulateMedia({ media: 'print' })
      expect(await region.evaluate(el => getComputedStyle(el).display)).toBe('none')
      await view.page.emulateMedia({ media: 'screen' })
    })

    it.each(talkSlides.map(slide => [slide.number, slide.title] as const))('talk links on slide %i (%s) have accessible names', async (no) => {
      await showSlideAllClicks(view.page, server.url, no)
      const slide = view.page.locator(`#slideshow .slidev-page-${no}`)
      const hrefs = await slide.locator('a[href]:visible').count()
      const names = [
        ...(await slide.ariaSnapshot()).matchAll(/^\s*- '?link(?: "((?:[^"\\]|\\.)*)")?/gm),
      ].map(m => m[1]?.trim() ?? '')
      expect(hrefs, `slide ${no} has no links`).toBeGreaterThan(0)
      expect(names.length, `slide ${no}: ${hrefs} <a href> but ${names.length} links in the accessibility tree`).toBe(hrefs)
      for (const name of names) {
        expect(name, `slide ${no}: a link without an accessible name`).not.toBe('')
        expect(name, `slide ${no}: link named only "${name}"`).not.toMatch(/^(?:link|here|click here|more|read more|url)$/i)
      }
    })
  })

  describe('axe-core and the document, light and dark colour schemes, every click revealed', () => {
    it.each(slideNumbers)('slide %i, in light and dark: no violations, a document title and a language of its own, and no interactive element inside another', async (no) => {
      await showSlideAllClicks(view.page, server.url, no)
      const title = deck.slides[no - 1]!.title
      await expectNoNestedInteractive(view.page, `slide ${no}`)
      for (const scheme of await schemesFromCurrent(view.page)) {
        const where = `slide ${no} "${title}" (${scheme})`
        await useScheme(view.page, scheme, where)
        await expectNoViolations(view.page, where)
        // Each slide is a page of its own to a browser tab and to assistive technology.
        await expectTitle(view.page, templated(title), where)
        const lang = await view.page.evaluate(() => document.documentElement.lang)
        expect(lang, `${where}: <html> has no lang`).toMatch(/^[a-z]{2,3}(?:-[A-Z0-9]+)?$/i)
        expect(lang, `${where}: <html lang>`).toBe(deck.headmatter.lang)
      }
    })
  })

  describe('keyboard', () => {
    it('the arrow keys move between slides: ArrowRight on, ArrowLeft back', async () => {
      const first = firstSlidesWithoutClicks(deck.slides, 3)
      await showSlideAllClicks(view.page, server.url, first)
      await blur()
      await view.page.keyboard.press('ArrowRight')
      await waitForSlide(view.page, first + 1)
      await view.page.keyboard.press('ArrowRight')
      await waitForSlide(view.page, first + 2)
      await view.page.keyboard.press('ArrowLeft')
      await waitForSlide(view.page, first + 1)
      expect(await currentSlide(view.page)).toBe(first + 1)
    })

    it.each(talkSlides.map(slide => slide.number))('a link on slide %i reached with Tab shows a focus indicator', async (no) => {
      await showSlideAllClicks(view.page, server.url, no)
      await blur()
      const links = await view.page.locator(`#slideshow .slidev-page-${no} a[href]`).count()
      let reached = false
      // Tab through the page (nav controls included) until focus lands on a link of the slide.
      for (let i = 0; i < 60 && !reached; i++) {
        await view.page.keyboard.press('Tab')
        reached = await view.page.evaluate(n => document.activeElement instanceof HTMLAnchorElement
          && document.activeElement.closest(`.slidev-page-${n}`) !== null, no)
      }
      expect(links, `slide ${no} has no links`).toBeGreaterThan(0)
      expect(reached, `Tab never focused a link of slide ${no}`).toBe(true)
      const style = await view.page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        const css = getComputedStyle(el)
        return {
          focusVisible: el.matches(':focus-visible'),
          outline: `${css.outlineStyle} ${css.outlineWidth} ${css.outlineColor}`,
          outlineShown: css.outlineStyle !== 'none' && Number.parseFloat(css.outlineWidth) > 0,
          boxShadow: css.boxShadow,
          text: el.textContent?.trim(),
        }
      })
      expect(style.focusVisible).toBe(true)
      expect(style.outlineShown || style.boxShadow !== 'none', `focused link "${style.text}" on slide ${no}: outline ${style.outline}, box-shadow ${style.boxShadow}`).toBe(true)
    })
  })

  describe('slidev’s controls', () => {
    it('the go-to-slide dialog’s input has an accessible name and goes to a slide', async () => {
      await showSlideAllClicks(view.page, server.url, 1)
      await blur()
      await view.page.keyboard.press('g')
      const input = view.page.getByRole('textbox', { name: GOTO_INPUT_LABEL })
      await expect.poll(() => input.evaluate(el => el === document.activeElement)).toBe(true)
      await input.fill('4')
      await input.press('Enter')
      await waitForSlide(view.page, 4)
    })
  })
})

/** Slide 1 and its nav bar's menu, on a page loaded with the system dark. */
describe('slidev’s controls on slide 1, loaded with the system dark', () => {
  const view = pageForBlock('dark')

  /** Brings the page to slide 1, loading it only when it is elsewhere. */
  async function reach(): Promise<void> {
    if (URL.parse(view.page.url())?.pathname !== '/1')
      await openSlide(view.page, server.url, 1)
  }

  it('follows the system colour scheme (colorSchema: auto): dark when loaded so', async () => {
    await openSlide(view.page, server.url, 1)
    expect(await isDark(view.page), 'slide 1 loaded with the system dark: <html> has the dark class').toBe(true)
  })

  it('"More Options" opens its menu from its one button, which reports its state; Escape closes it', async () => {
    await reach()
    await useScheme(view.page, 'light', 'slide 1')
    const more = view.page.getByRole('button', { name: 'More Options' })
    await waitForAttribute(more, 'aria-expanded', 'false')
    await more.click()
    await waitForAttribute(more, 'aria-expanded', 'true')
    const menuId = await more.getAttribute('aria-controls')
    expect(menuId).toBeTruthy()
    const menu = view.page.locator(`[id="${menuId}"]`)
    await menu.getByText('Invert').waitFor()
    // An item works: "Invert" filters the slide, as in Slidev's own menu.
    await menu.getByRole('checkbox').first().check()
    await expect.poll(() => view.page.evaluate(() => getComputedStyle(document.querySelector('#slide-content')!).filter)).toContain('invert')
    await menu.getByRole('checkbox').first().uncheck()
    await view.page.keyboard.press('Escape')
    await waitForAttribute(more, 'aria-expanded', 'false')
    expect(await menu.count()).toBe(0)
    // Focus was on the checkbox inside the menu, which is gone: it goes back to the menu's button.
    expect(await more.evaluate(el => el === document.activeElement)).toBe(true)
  })

  menuTests(view, SLIDE_MENUS, reach)
})

/** The presenter and its menus, on one page loaded with the system light. */
describe('/presenter and its menus', () => {
  const view = pageForBlock('light')

  /** Brings the page to the presenter, loading it only when it is elsewhere. */
  async function reach(): Promise<void> {
    if (!isOn(view.page, VIEWS.presenter))
      await openView(view.page, VIEWS.presenter, 'light')
  }

  it('in light and dark, no violations; a document title of its own; no interactive element inside another', async () => {
    await openView(view.page, VIEWS.presenter, 'light')
    await expectTitle(view.page, VIEWS.presenter.title, '/presenter')
    await expectNoNestedInteractive(view.page, '/presenter')
    for (const scheme of await schemesFromCurrent(view.page)) {
      await useScheme(view.page, scheme, `/presenter (${scheme})`)
      await expectNoViolations(view.page, `/presenter (${scheme})`)
    }
  })

  it('the presenter’s "Change sync settings" opens its menu from its one button', async () => {
    await reach()
    await useScheme(view.page, 'light', '/presenter')
    const sync = view.page.getByRole('button', { name: 'Change sync settings' })
    await sync.click()
    await waitForAttribute(sync, 'aria-expanded', 'true')
    await view.page.getByText('Bidirectional Sync').waitFor()
    // A press elsewhere closes it, as in Slidev's.
    await view.page.mouse.click(5, 5)
    await waitForAttribute(sync, 'aria-expanded', 'false')
  })

  it('the sync menu\'s options are one radio group: one tab stop, and the arrow keys move between them and choose, moving no slide', async () => {
    await reach()
    await useScheme(view.page, 'light', '/presenter')
    const sync = view.page.getByRole('button', { name: 'Change sync settings' })
    await sync.click()
    await waitForAttribute(sync, 'aria-expanded', 'true')
    const radios = view.page.getByRole('radiogroup').getByRole('radio')
    const count = await radios.count()
    expect(count, 'radios in the sync menu').toBeGreaterThan(1)
    const stops = async (): Promise<number[]> => radios.evaluateAll(els => els.flatMap((el, i) => (el as HTMLElement).tabIndex === 0
      ? [i]
      : []))
    const checked = async (): Promise<number> => radios.evaluateAll(els => els.findIndex(el => el.getAttribute('aria-checked') === 'true'))
    const focused = async (): Promise<number> => radios.evaluateAll(els => els.findIndex(el => el === document.activeElement))
    const [stop] = await stops()
    expect(await stops(), 'tab stops in the radio group').toHaveLength(1)
    const url = view.page.url()
    await radios.nth(stop!).focus()
    await view.page.keyboard.press('ArrowDown')
    const next = (stop! + 1) % count
    await expect.poll(checked).toBe(next)
    expect(await focused(), 'focus after ArrowDown').toBe(next)
    expect(await stops(), 'the tab stop follows the choice').toEqual([next])
    await view.page.keyboard.press('ArrowUp')
    await expect.poll(checked).toBe(stop)
    expect(await focused(), 'focus after ArrowUp').toBe(stop)
    expect(view.page.url(), 'the arrow keys in the menu moved the slides').toBe(url)
    await view.page.keyboard.press('Escape')
    await waitForAttribute(sync, 'aria-expanded', 'false')
  })

  menuTests(view, PRESENTER_MENUS, reach)
})

/**
 * The deck's root, the overview and the handout, each loaded afresh. The root and the overview
 * follow the system's scheme as it changes (the same colours as a page loaded in it), so each is
 * checked in light, then turned dark. The handout is loaded in each scheme: it takes the light
 * scheme (paper is white) when it mounts, which only a load shows, as a later change of the system
 * scheme reaches <html> through Slidev's own watcher.
 */
describe('the deck’s other pages', () => {
  const view = pageForBlock('light')

  it.each([VIEWS.root, VIEWS.overview].map(v => [`/${v.path}`, v] as const))('%s, in light and dark: no violations; a document title of its own; no interactive element inside another', async (path, v) => {
    await openView(view.page, v, 'light')
    await expectTitle(view.page, v.title, path)
    await expectNoNestedInteractive(view.page, path)
    for (const scheme of await schemesFromCurrent(view.page)) {
      await useScheme(view.page, scheme, `${path} (${scheme})`)
      await expectNoViolations(view.page, `${path} (${scheme})`)
    }
  })

  it('/handout, loaded in light and in dark: no violations; a document title of its own; as a print view, it announces nothing; light even when the system turns dark', async () => {
    for (const scheme of SCHEMES) {
      const where = `/handout (loaded ${scheme})`
      await openView(view.page, VIEWS.handout, scheme)
      // Before anything else runs in the page: no live region shown, none with text.
      await expectNoAnnouncement(view.page, where)
      await expectTitle(view.page, VIEWS.handout.title, where)
      await expectNoViolations(view.page, where)
      expect(await isDark(view.page), `${where}: <html> has the dark class`).toBe(false)
    }
    // Paper is white: with the handout open, the system turning dark leaves it light.
    await switchScheme(view.page, 'light')
    await switchScheme(view.page, 'dark')
    expect(await isDark(view.page), '/handout after the system turned dark: <html> has the dark class').toBe(false)
  })

  it('/handout?layout=3up: no violations (on screen its sheets are drawn large enough for its slide copies\' links to be 24 px targets)', async () => {
    await openView(view.page, VIEWS.handoutThreeUp, 'light')
    await expectNoViolations(view.page, '/handout?layout=3up')
  })

  it('the print view /1?print=true announces nothing: no live region shown, none with text', async () => {
    await view.page.emulateMedia({ colorScheme: 'light' })
    await view.page.goto(new URL('1?print=true', server.url).href)
    await view.page.locator('[data-slidev-no="1"] .slidev-layout').first().waitFor({ state: 'visible' })
    await expectNoAnnouncement(view.page, '/1?print=true')
  })
})

/**
 * Records, from now on, whether any slide-show transition or animation with a duration ran, and
 * every text an AttendanceStats value showed that was not its final value.
 */
async function recordMotion(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = { transitions: [] as string[], partialValues: [] as string[] }
    ;(window as unknown as { __motion: typeof seen }).__motion = seen
    const inShow = (target: EventTarget | null): target is Element => target instanceof Element && target.closest('#slideshow') !== null
    document.addEventListener('transitionrun', (event) => {
      if (inShow(event.target))
        seen.transitions.push(`${event.propertyName} on ${event.target.className}`)
    }, true)
    document.addEventListener('animationstart', (event) => {
      if (inShow(event.target))
        seen.transitions.push(`animation ${event.animationName} on ${event.target.className}`)
    }, true)
    const check = (): void => {
      for (const value of document.querySelectorAll<HTMLElement>('.attendance .value[data-final]')) {
        if (value.offsetParent !== null && value.textContent?.trim() !== value.dataset.final)
          seen.partialValues.push(`${value.textContent?.trim()} of ${value.dataset.final}`)
      }
    }
    new MutationObserver(check).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    })
  })
}

/** Goes from the slide before the figures slide to it with ArrowRight, then lets ~1.5 s of frames pass (longer than the count-up). */
async function stepOntoFigures(page: Page): Promise<{ transitions: string[], partialValues: string[] }> {
  const no = figuresSlide!.number
  await openSlide(page, server.url, no - 1, 999)
  await recordMotion(page)
  await page.keyboard.press('ArrowRight')
  await waitForSlide(page, no)
  // Count frames rather than sleep: a count-up still running would change the values within these.
  await page.evaluate(() => new Promise<void>((done) => {
    let frames = 0
    const tick = (): void => {
      frames += 1
      if (frames >= 90)
        done()
      else
        requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }))
  return page.evaluate(() => (window as unknown as { __motion: { transitions: string[], partialValues: string[] } }).__motion)
}

describe('prefers-reduced-motion', () => {
  it('the deck has the figures slide with its count-up values', () => {
    expect(figuresSlide, 'no slide draws <AttendanceStats>').toBeDefined()
  })

  it('without the preference, slides transition and the figures count up (so the checks below can see both)', async () => {
    const { context, page } = await newPage({ reducedMotion: 'no-preference' })
    try {
      const seen = await stepOntoFigures(page)
      expect(seen.transitions.length, 'no slide transition ran').toBeGreaterThan(0)
      expect(seen.partialValues.length, 'the figures did not count up').toBeGreaterThan(0)
    }
    finally {
      await context.close()
    }
  })

  it('with reduce, no slide transition runs and the figures show their final values at once', async () => {
    const { context, page } = await newPage({ reducedMotion: 'reduce' })
    try {
      const seen = await stepOntoFigures(page)
      expect(seen.transitions, 'transitions or animations ran in the slide show').toEqual([])
      expect(seen.partialValues, 'AttendanceStats showed values other than data-final').toEqual([])
      const values = await page.locator(`#slideshow .slidev-page-${figuresSlide!.number} .attendance .value`).evaluateAll(
        els => els.map(el => ({
          text: el.textContent?.trim(),
          final: (el as HTMLElement).dataset.final,
        })),
      )
      expect(values.length).toBeGreaterThan(0)
      for (const { text, final } of values)
        expect(text).toBe(final)
    }
    finally {
      await context.close()
    }
  })
})
