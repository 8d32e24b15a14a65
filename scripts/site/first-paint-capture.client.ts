// Runs in the page Chromium shows (scripts/site/prerender.ts opens every slide of the built deck,
// then its reader): prerender.ts passes captureMarkup to Playwright's page.evaluate, which sends its
// source, so it uses nothing from outside itself. Type-checked against the DOM and without Node
// (tsconfig.page.json).

/** What to capture: slide `no` as the slide show draws it, or the reader view (/read) once laid out. */
export type CaptureTarget = { kind: 'slide', no: number } | { kind: 'reader' }

/** A page as the app rendered it, for a prerendered HTML file to show before the app has loaded. */
export interface FirstPaintCapture {
  /**
   * The markup: a slide's element (its ids removed and `slidev-page-N` renamed, so it never doubles
   * the app's) or the reader's <main> (ids kept: they are its deep-link anchors).
   */
  html: string
  /** The slide canvas's size in CSS pixels; 0 for the reader. */
  width: number
  height: number
  /** Vue's scoped-style attributes (data-v-…) of the slide canvas and the slide show around it. */
  contentAttrs: string[]
  showAttrs: string[]
  /** The document title the app set for the page. */
  title: string
  /** The page's text, whitespace collapsed: what a search engine or a link preview reads. */
  text: string
  /** The language and direction the app set on <html> (Slidev's `htmlAttrs`, which styles depend on). */
  htmlAttrs: { lang?: string, dir?: string }
}

/** The page's markup, cleaned up to stand in a document of its own. */
export function captureMarkup(target: CaptureTarget): FirstPaintCapture {
  const root = target.kind === 'slide'
    ? document.querySelector(`#app .slidev-page-${target.no}`)
    : document.querySelector('#app main.reader')
  const content = target.kind === 'slide'
    ? root?.closest('.slidev-slide-content')
    : undefined
  const show = target.kind === 'slide'
    ? root?.parentElement
    : undefined
  if (!root || (target.kind === 'slide' && (!(content instanceof HTMLElement) || !show))) {
    throw new Error(target.kind === 'slide'
      ? `slide ${target.no} is not where Slidev 53 puts it (.slidev-slide-content > #slideshow > .slidev-page-${target.no})`
      : 'the reader view has no main.reader')
  }
  const clone = root.cloneNode(true) as Element
  if (target.kind === 'slide') {
    clone.classList.remove(`slidev-page-${target.no}`)
    clone.classList.add('recap-first-paint-page')
    // Ids go, but those the slide refers to itself (an SVG pattern's `url(#…)`, a `<use href="#…">`),
    // which are renamed with their references instead, so the picture draws the same.
    const all = [
      clone,
      ...clone.querySelectorAll('*'),
    ]
    const referenced = new Set<string>()
    for (const element of all) {
      for (const { value } of element.attributes) {
        for (const match of value.matchAll(/url\(["']?#([^)"']+)["']?\)|^#(\S+)$/g))
          referenced.add(match[1] ?? match[2]!)
      }
    }
    const renamed = (id: string): string => `recap-first-paint-${id}`
    for (const element of all) {
      if (element.id && referenced.has(element.id))
        element.id = renamed(element.id)
      else
        element.removeAttribute('id')
      for (const attribute of [...element.attributes]) {
        const value = attribute.value.replace(/url\((["']?)#([^)"']+)(["']?)\)/g, (whole, open: string, id: string, close: string) => referenced.has(id)
          ? `url(${open}#${renamed(id)}${close})`
          : whole)
          .replace(/^#(\S+)$/, (whole, id: string) => referenced.has(id) && attribute.name.endsWith('href')
            ? `#${renamed(id)}`
            : whole)
        if (value !== attribute.value)
          element.setAttribute(attribute.name, value)
      }
    }
  }
  else {
    // What needs the script (the search box, the bar's "open slide N" that follows the reading)
    // waits for it: hidden in the file, shown by the first paint's script (first-paint.client.ts).
    for (const element of clone.querySelectorAll('.reader-search, .reader-bar-links'))
      element.setAttribute('data-recap-needs-script', '')
    clone.removeAttribute('aria-busy')
  }
  // Only attributes HTML allows on their element. Vue hands a component's undeclared props to
  // its root element as attributes (Slidev's layouts get `duration`, `timer`, `section`,
  // `frontmatter`…): the live DOM keeps them, a document must not. Kept: the global attributes,
  // aria-* and data-*, event handlers, and those the element's own interface reflects (a
  // writable property of that name below HTMLElement, e.g. `href` on an anchor). SVG, MathML
  // and custom elements keep theirs.
  const GLOBAL = new Set([
    'accesskey',
    'autocapitalize',
    'autocorrect',
    'autofocus',
    'class',
    'contenteditable',
    'dir',
    'draggable',
    'enterkeyhint',
    'hidden',
    'id',
    'inert',
    'inputmode',
    'is',
    'itemid',
    'itemprop',
    'itemref',
    'itemscope',
    'itemtype',
    'lang',
    'nonce',
    'popover',
    'role',
    'slot',
    'spellcheck',
    'style',
    'tabindex',
    'title',
    'translate',
    'writingsuggestions',
  ])
  const PROPERTY: Record<string, string> = { for: 'htmlfor' }
  const reflected = new Map<object, Set<string>>()
  const ownAttributes = (element: HTMLElement): Set<string> => {
    const start = Object.getPrototypeOf(element) as object
    let names = reflected.get(start)
    if (!names) {
      names = new Set()
      for (let proto = start; proto && proto !== HTMLElement.prototype; proto = Object.getPrototypeOf(proto) as object) {
        for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
          if (descriptor.set)
            names.add(name.toLowerCase())
        }
      }
      reflected.set(start, names)
    }
    return names
  }
  const allowed = (element: HTMLElement, name: string): boolean =>
    GLOBAL.has(name)
    || /^(?:aria|data)-/.test(name)
    || (/^on[a-z]+$/.test(name) && name in element)
    || ownAttributes(element).has(PROPERTY[name] ?? name.replace(/-/g, ''))
  for (const element of [
    clone,
    ...clone.querySelectorAll('*'),
  ]) {
    if (!(element instanceof HTMLElement) || element.localName.includes('-'))
      continue
    for (const { name } of [...element.attributes]) {
      if (!allowed(element, name))
        element.removeAttribute(name)
    }
  }
  // The search box as the file has it: empty, whatever was typed while capturing.
  for (const input of clone.querySelectorAll('input'))
    input.removeAttribute('value')
  const scoped = (element: Element | null | undefined): string[] => element
    ? [...element.attributes].map(a => a.name).filter(name => name.startsWith('data-v-'))
    : []
  const text = (root instanceof HTMLElement
    // innerText, not textContent: it puts the breaks between blocks ("Two clicks First reveal", not "Two clicksFirst reveal").
    // eslint-disable-next-line unicorn/prefer-dom-node-text-content
    ? root.innerText
    : root.textContent ?? '').replace(/\s+/g, ' ').trim()
  return {
    html: clone.outerHTML.replace(/<!--[\s\S]*?-->/g, ''),
    width: content instanceof HTMLElement
      ? content.offsetWidth
      : 0,
    height: content instanceof HTMLElement
      ? content.offsetHeight
      : 0,
    contentAttrs: scoped(content),
    showAttrs: scoped(show),
    title: document.title,
    text,
    htmlAttrs: {
      ...(document.documentElement.lang
        ? { lang: document.documentElement.lang }
        : {}),
      ...(document.documentElement.dir
        ? { dir: document.documentElement.dir }
        : {}),
    },
  }
}
