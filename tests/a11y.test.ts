import type { Browser, BrowserContext, Locator, Page } from 'playwright-chromium'
import type { StaticServer } from '../scripts/lib/serve.ts'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { slideAnnouncement } from '../composables/useSlideAnnouncer.ts'
import { GOTO_INPUT_LABEL } from '../overrides/slidev-client.ts'
import { serveStatic } from '../scripts/lib/serve.ts'
import * as axeSupport from './support/axe.ts'
import { describeViolations, runAxe } from './support/axe.ts'
import { connectBrowser } from './support/browser.ts'
import { loadDeckWithContent } from './support/deck.ts'
import { ROOT } from './support/paths.ts'
import { currentSlide, firstSlidesWithoutClicks, guardNetwork, openSlide, waitForSlide } from './support/site.ts'

const deck = await loadDeckWithContent()
const slideNumbers = deck.slides.map(slide => slide.number)
const figuresSlide = deck.slides.find(slide => /<AttendanceStats\b/.test(slide.content))
/** The slides with links of the deck's own components: talks, QR codes, pointers to other slides. */
const talkSlides = deck.slides.filter(slide => /<(?:TalkBoard|TalkLinks?|SlideRef|DeckQr)\b/.test(slide.content))
const titleTemplate = String(deck.headmatter.raw.titleTemplate)
const templated = (text: string): string => titleTemplate.replace('%s', text)

/** The deck's pages other than a slide: where each is, what shows it is ready, and its document title. */
const VIEWS = [
  {
    path: '',
    ready: '#slideshow .slidev-page-1 .slidev-layout',
    title: templated(deck.slides[0]!.title),
  },
  {
    path: 'presenter',
    ready: '#slideshow .slidev-page-1 .slidev-layout',
    title: templated('Presenter'),
  },
  {
    path: 'overview',
    ready: '.overview-slide-block .slidev-layout',
    title: templated('Overview'),
  },
  {
    path: 'handout',
    ready: 'html[data-handout="ready"]',
    title: templated('Handout'),
  },
] as const

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

/** Opens a page of the deck by path ('' for the deck's root) and waits until it has drawn. */
async function openView(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(new URL(path, server.url).href)
  await page.locator(ready).first().waitFor({ state: 'attached' })
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
}

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext, page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    ...options,
  })
  await guardNetwork(context, [server.url])
  return { context, page: await context.newPage() }
}

/** The menus of Slidev's nav bar and presenter (overrides/MenuButton.vue): where, which button, what shows it is open, and its toggle options. */
const MENUS = [
  {
    path: '1',
    button: 'More Options',
    shown: 'Brightness',
    options: ['Laser', '1:1'],
  },
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
] as const

/** Waits until the element reports `name="value"` (a state, as Playwright waits for one), however long the machine takes. */
async function waitForAttribute(element: Locator, name: string, value: string): Promise<void> {
  await element.and(element.page().locator(`[${name}="${value}"]`)).waitFor()
}

/** Opens a page, then one of its menus from its button; returns both. */
async function openMenu(page: Page, { path, button, shown }: (typeof MENUS)[number]): Promise<{ toggle: Locator, list: Locator }> {
  await openView(page, path, '#slideshow .slidev-layout')
  const toggle = page.getByRole('button', { name: button, exact: true })
  await toggle.click()
  await waitForAttribute(toggle, 'aria-expanded', 'true')
  const list = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`)
  await list.getByText(shown, { exact: true }).waitFor()
  // The nav bar fades in on hover (a 300 ms transition): until it is opaque, colours are in between.
  // Wait for the page's transitions to end (their own events, however loaded the machine), then the
  // menu must be opaque.
  await page.evaluate(async () => {
    await Promise.all(document.getAnimations().filter(animation => animation instanceof CSSTransition).map(animation => animation.finished.catch(() => undefined)))
  })
  expect(await list.evaluate((el) => {
    let opacity = 1
    for (let node: Element | null = el; node; node = node.parentElement)
      opacity *= Number(getComputedStyle(node).opacity)
    return opacity
  }), `"${button}" on /${path}: the menu is not opaque once its transitions have ended`).toBe(1)
  return { toggle, list }
}

/**
 * Shows slide `no` with every click revealed: loaded from its URL when the page is not on a slide
 * yet, otherwise reached through the deck's own router, as a reader moving on would (which also
 * keeps axe loaded). Either way it waits until the slide alone is shown with no click left hidden.
 */
async function showSlide(page: Page, no: number): Promise<void> {
  const current = URL.parse(page.url())
  if (current?.origin !== new URL(server.url).origin || !/^\/\d+$/.test(current.pathname)) {
    await openSlide(page, server.url, no, 999)
  }
  else {
    await page.evaluate((path) => {
      history.pushState(null, '', path)
      dispatchEvent(new PopStateEvent('popstate', { state: null }))
    }, `/${no}?clicks=999`)
    await waitForSlide(page, no)
  }
  await page.waitForFunction(n => document.querySelector(`#slideshow .slidev-page-${n} .slidev-vclick-hidden`) === null, no)
}

/** A context and page for the describe block it is called in: opened before its tests, closed after them. */
function pageForBlock(options: Parameters<Browser['newContext']>[0] = {}): { context: BrowserContext, page: Page } {
  const view = {} as { context: BrowserContext, page: Page }
  beforeAll(async () => {
    Object.assign(view, await newPage(options))
  })
  afterAll(async () => {
    await view.context?.close()
  })
  return view
}

describe.each(['light', 'dark'] as const)('axe-core, %s colour scheme, every click revealed', (colorScheme) => {
  const view = pageForBlock({ colorScheme })

  it('follows the system colour scheme (colorSchema: auto)', async () => {
    await openSlide(view.page, server.url, 1)
    expect(await view.page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(colorScheme === 'dark')
  })

  it.each(slideNumbers)('slide %i has no violations, and a document title and a language of its own', async (no) => {
    await showSlide(view.page, no)
    const violations = await runAxe(view.page)
    const title = deck.slides[no - 1]!.title
    expect(describeViolations(violations), `slide ${no} "${title}" (${colorScheme}): axe violations`).toBe('')
    // Each slide is a page of its own to a browser tab and to assistive technology.
    await view.page.waitForFunction(wanted => document.title === wanted, templated(title)).catch(() => undefined)
    expect(await view.page.title(), `slide ${no}: <title>`).toBe(templated(title))
    const lang = await view.page.evaluate(() => document.documentElement.lang)
    expect(lang, `slide ${no}: <html> has no lang`).toMatch(/^[a-z]{2,3}(?:-[A-Z0-9]+)?$/i)
    expect(lang).toBe(deck.headmatter.lang)
  })

  it.each(VIEWS.map(view => [`/${view.path}`, view] as const))('%s has no violations', async (_path, { path, ready }) => {
    await openView(view.page, path, ready)
    const violations = await runAxe(view.page)
    expect(describeViolations(violations), `/${path} (${colorScheme}): axe violations`).toBe('')
  })

  it.each(MENUS.map(menu => [menu.button, `/${menu.path}`, menu] as const))('with "%s" open on %s, no violations, whichever option is pressed', async (_button, _path, menu) => {
    const where = `"${menu.button}" open on /${menu.path} (${colorScheme})`
    const { list } = await openMenu(view.page, menu)
    expect(describeViolations(await runAxe(view.page)), `${where}: axe violations`).toBe('')
    // A pressed option takes a colour of its own (Slidev hashes it from the label): check each one pressed.
    for (const option of menu.options) {
      const button = list.getByRole('button', { name: option, exact: true })
      const before = await list.locator('button[aria-pressed="true"]').evaluateAll(els => els.map(el => el.textContent?.trim() ?? ''))
      await button.click()
      await waitForAttribute(button, 'aria-pressed', 'true')
      expect(describeViolations(await runAxe(view.page)), `${where}, "${option}" pressed: axe violations`).toBe('')
      for (const pressed of before)
        await list.getByRole('button', { name: pressed, exact: true }).click()
    }
    await view.page.keyboard.press('Escape')
  })
})

describe('slidev’s controls', () => {
  const view = pageForBlock()

  it('the axe support excludes nothing: no exclusion list, no disabled rule, no filtering', async () => {
    expect(Object.keys(axeSupport).sort()).toEqual(['AXE_TAGS', 'describeViolations', 'runAxe'])
    const source = await readFile(resolve(ROOT, 'tests/support/axe.ts'), 'utf8')
    expect(source).not.toMatch(/\bexclude\b|enabled:\s*false|DEFECT|\.filter\(/)
  })

  it.each(['', '4', 'presenter', 'overview'])('/%s has no interactive element inside another', async (path) => {
    await openView(view.page, path, path === 'overview'
      ? '.overview-slide-block .slidev-layout'
      : '#slideshow .slidev-layout')
    const nested = await view.page.locator(':is(button, a[href], [role="button"], input, select, textarea) :is(button, a[href], [role="button"], input, select, textarea)').evaluateAll(
      els => els.map(el => el.outerHTML.slice(0, 120)),
    )
    expect(nested).toEqual([])
  })

  it('"More Options" opens its menu from its one button, which reports its state; Escape closes it', async () => {
    await openSlide(view.page, server.url, 1)
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

  it('the presenter’s "Change sync settings" opens its menu from its one button', async () => {
    await openView(view.page, 'presenter', '#slideshow .slidev-layout')
    const sync = view.page.getByRole('button', { name: 'Change sync settings' })
    await sync.click()
    await waitForAttribute(sync, 'aria-expanded', 'true')
    await view.page.getByText('Bidirectional Sync').waitFor()
    // A press elsewhere closes it, as in Slidev's.
    await view.page.mouse.click(5, 5)
    await waitForAttribute(sync, 'aria-expanded', 'false')
  })

  it.each(MENUS.map(menu => [menu.button, `/${menu.path}`, menu] as const))('with "%s" open on %s, every control in the menu has an accessible name of its own, and Escape gives focus back', async (_button, _path, menu) => {
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

  it('the go-to-slide dialog’s input has an accessible name and goes to a slide', async () => {
    await openSlide(view.page, server.url, 1)
    await view.page.keyboard.press('g')
    const input = view.page.getByRole('textbox', { name: GOTO_INPUT_LABEL })
    await expect.poll(() => input.evaluate(el => el === document.activeElement)).toBe(true)
    await input.fill('4')
    await input.press('Enter')
    await waitForSlide(view.page, 4)
  })
})

describe('document', () => {
  const view = pageForBlock()

  it.each(VIEWS.map(view => [`/${view.path}`, view] as const))('%s has a document title of its own', async (_path, { path, ready, title }) => {
    await openView(view.page, path, ready)
    await view.page.waitForFunction(wanted => document.title === wanted, title).catch(() => undefined)
    expect(await view.page.title()).toBe(title)
  })

  it('moving to another slide is announced once, politely, with its number and title; not before, and never in print', async () => {
    const first = firstSlidesWithoutClicks(deck.slides, 2)
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

  it.each([
    ['/1?print=true', '1?print=true', '[data-slidev-no="1"] .slidev-layout'],
    ['/handout', 'handout', 'html[data-handout="ready"]'],
  ] as const)('the print view %s announces nothing: no live region shown, none with text', async (_label, path, ready) => {
    await view.page.goto(new URL(path, server.url).href)
    await view.page.locator(ready).first().waitFor({
      state: path === 'handout'
        ? 'attached'
        : 'visible',
    })
    // The announcer mounts with the deck's root component, before any slide or the handout renders.
    const regions = await view.page.locator('[aria-live], [role="status"], [role="alert"], [role="log"]').evaluateAll(els => els.map(el => ({
      html: el.outerHTML.slice(0, 120),
      shown: el.checkVisibility() && getComputedStyle(el).display !== 'none' && !(el as HTMLElement).hidden,
      text: el.textContent?.trim() ?? '',
    })))
    expect(regions.filter(region => region.shown || region.text !== ''), `${path}: live regions shown or with text`).toEqual([])
  })

  it.each(talkSlides.map(slide => [slide.number, slide.title] as const))('talk links on slide %i (%s) have accessible names', async (no) => {
    await openSlide(view.page, server.url, no, 999)
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

describe('keyboard', () => {
  const view = pageForBlock()

  it('the arrow keys move between slides: ArrowRight on, ArrowLeft back', async () => {
    const first = firstSlidesWithoutClicks(deck.slides, 3)
    await openSlide(view.page, server.url, first)
    await view.page.keyboard.press('ArrowRight')
    await waitForSlide(view.page, first + 1)
    await view.page.keyboard.press('ArrowRight')
    await waitForSlide(view.page, first + 2)
    await view.page.keyboard.press('ArrowLeft')
    await waitForSlide(view.page, first + 1)
    expect(await currentSlide(view.page)).toBe(first + 1)
  })

  it.each(talkSlides.map(slide => slide.number))('a link on slide %i reached with Tab shows a focus indicator', async (no) => {
    await openSlide(view.page, server.url, no, 999)
    const links = await view.page.locator(`#slideshow .slidev-page-${no} a[href]`).count()
    let reached = false
    // Tab through the view.page (nav controls included) until focus lands on a link of the slide.
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
