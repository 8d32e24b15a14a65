// Runs in the page Chromium shows (scripts/site/slide-one.ts opens slide 1 of the built deck):
// first-paint.ts passes slideOneMarkup to Playwright's page.evaluate, which sends its source, so it
// uses nothing from outside itself. Type-checked against the DOM and without Node (tsconfig.page.json).

/** Slide 1 as Slidev rendered it, for index.html to show before the app has loaded. */
export interface FirstPaintCapture {
  /** The slide's element, its ids removed and `slidev-page-1` renamed so it never doubles the app's. */
  html: string
  width: number
  height: number
  /** Vue's scoped-style attributes (data-v-…) of the slide canvas and the slide show around it. */
  contentAttrs: string[]
  showAttrs: string[]
}

/** Slide 1's markup, from the page that shows it, cleaned up to stand in a document of its own. */
export function slideOneMarkup(): FirstPaintCapture {
  const slide = document.querySelector('#app .slidev-page-1')
  const content = slide?.closest('.slidev-slide-content')
  const show = slide?.parentElement
  if (!slide || !(content instanceof HTMLElement) || !show)
    throw new Error('slide 1 is not where Slidev 53 puts it (.slidev-slide-content > #slideshow > .slidev-page-1)')
  const clone = slide.cloneNode(true) as Element
  clone.classList.remove('slidev-page-1')
  clone.classList.add('recap-first-paint-page')
  for (const element of [
    clone,
    ...clone.querySelectorAll('[id]'),
  ])
    element.removeAttribute('id')
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
  const scoped = (element: Element): string[] => [...element.attributes].map(a => a.name).filter(name => name.startsWith('data-v-'))
  return {
    html: clone.outerHTML.replace(/<!--[\s\S]*?-->/g, ''),
    width: content.offsetWidth,
    height: content.offsetHeight,
    contentAttrs: scoped(content),
    showAttrs: scoped(show),
  }
}
