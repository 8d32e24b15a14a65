import type { Page } from 'playwright-chromium'
import type { PNG } from 'pngjs'
import jsQR from 'jsqr'
import { median } from '../../shared/stats.ts'

/**
 * The room check: what a slide looks like from the back of a room, measured in the browser on the
 * slide as laid out at its canvas size (980x552, unscaled) with every click revealed. Words on the
 * slide, the size every piece of text is drawn at, the contrast of every text against the slide's own
 * base background (never a tinted panel behind the text, which a projector washes out), and how much
 * of the canvas nothing covers. It also lists the QR codes meant for the room (`data-qr-url`).
 */

/** Drawn font-size floors in CSS pixels of the canvas. */
export const ROOM_FLOORS = {
  /** Any text not named below. */
  text: 24,
  /** Text inside `.source-line` (the small print that names a figure's source). */
  source: 14,
  /** Text inside `pre` or `code`. */
  code: 20,
} as const
/** WCAG AA for body text. */
export const ROOM_MIN_CONTRAST = 4.5
export const ROOM_MAX_WORDS = 40
export const ROOM_MAX_MEDIAN_WORDS = 25
/** Side of the grid cells the empty share is counted in, in canvas pixels. */
export const ROOM_CELL = 10

export interface RoomText {
  /** `<tag.class>` "text start…" of the text's element. */
  element: string
  /** Font size as drawn on the canvas, in CSS pixels. */
  px: number
  /** The floor it is held to (ROOM_FLOORS). */
  floor: number
  kind: keyof typeof ROOM_FLOORS
  /** Colour of the text (its alpha and its ancestors' opacity folded in), as `rgb(r g b)`. */
  color: string
  /** Contrast ratio against the slide's base background. */
  contrast: number
}

export interface RoomMeasure {
  /** Words of the visible text (innerText) outside `.source-line`: whitespace-separated tokens with a letter or digit. */
  words: number
  /** Every visible text node, one entry each (SVG text included). */
  texts: RoomText[]
  /** The `.slidev-layout` background the contrast is measured against (itself, or what shows through it), as `rgb(r g b)`. */
  background: string
  /** Share (0 to 1) of the canvas's grid cells that no content touches. */
  empty: number
  /** The slide's box, to check the canvas is drawn unscaled. */
  canvas: { width: number, height: number }
  /** Elements carrying `data-qr-url`, in document order. */
  qr: { element: string, url: string }[]
}

/**
 * Measures slide `no` (the element `.slidev-page-NO`) as shown now, in one evaluation. Text counts
 * when its element passes checkVisibility (display, visibility, opacity, content-visibility) and one of
 * its line boxes is larger than 1x1 px (screen-reader-only text is not).
 */
export async function measureRoom(page: Page, no: number): Promise<RoomMeasure> {
  return page.evaluate(({ no, floors, cell }) => {
    const slide = document.querySelector<HTMLElement>(`.slidev-page-${no}`)
    if (!slide)
      throw new Error(`no .slidev-page-${no} on the page`)
    const layout = slide.querySelector<HTMLElement>('.slidev-layout')
    if (!layout)
      throw new Error(`slide ${no} has no .slidev-layout`)
    const canvas = slide.getBoundingClientRect()

    function describe(el: Element): string {
      const classes = [...el.classList].slice(0, 3).map(c => `.${c}`).join('')
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
      const start = text.length > 30
        ? `${text.slice(0, 30)}…`
        : text
      // A short text (a separator, a number) says little on its own: its parent's tag goes first.
      const parent = text.length < 10 && el.parentElement
        ? `<${el.parentElement.tagName.toLowerCase()}${[...el.parentElement.classList].slice(0, 3).map(c => `.${c}`).join('')}> `
        : ''
      return `${parent}<${el.tagName.toLowerCase()}${classes}>${start
        ? ` "${start}"`
        : ''}`
    }

    // Any CSS colour (rgb, hex, oklch, color(), named) to sRGB bytes and alpha, by letting a canvas paint it.
    const paint = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!
    type Rgba = [number, number, number, number]
    function parseColor(css: string): Rgba {
      paint.clearRect(0, 0, 1, 1)
      paint.fillStyle = '#000'
      paint.fillStyle = css
      paint.fillRect(0, 0, 1, 1)
      const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data
      return [r!, g!, b!, a! / 255]
    }
    /** `top` with alpha `alpha` over an opaque `bottom`. */
    const over = (top: Rgba, alpha: number, bottom: Rgba): Rgba => [
      top[0] * alpha + bottom[0] * (1 - alpha),
      top[1] * alpha + bottom[1] * (1 - alpha),
      top[2] * alpha + bottom[2] * (1 - alpha),
      1,
    ]
    const luminance = ([r, g, b]: Rgba): number => {
      const lin = (v: number): number => {
        const c = v / 255
        return c <= 0.04045
          ? c / 12.92
          : ((c + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    const contrast = (a: Rgba, b: Rgba): number => {
      const [hi, lo] = [
        luminance(a),
        luminance(b),
      ].sort((x, y) => y - x) as [number, number]
      return (hi + 0.05) / (lo + 0.05)
    }
    const rgb = (c: Rgba): string => `rgb(${c.slice(0, 3).map(v => Math.round(v)).join(' ')})`

    // The base background: the layout's own colour over whatever its ancestors paint, down to the
    // page's canvas (white unless the root paints something).
    const chain: Element[] = []
    for (let el: Element | null = layout; el; el = el.parentElement)
      chain.push(el)
    let base: Rgba = [255, 255, 255, 1]
    for (const el of chain.reverse()) {
      const bg = parseColor(getComputedStyle(el).backgroundColor)
      if (bg[3] > 0)
        base = over(bg, bg[3], base)
    }

    /** The product of the opacity of `el` and its ancestors up to the slide. */
    const outside = slide.parentElement
    function opacity(el: Element): number {
      let o = 1
      for (let at: Element | null = el; at && at !== outside; at = at.parentElement)
        o *= Number(getComputedStyle(at).opacity)
      return o
    }

    /**
     * How many screen pixels one CSS pixel of `el` is drawn at: an SVG element's screen matrix, else
     * the transforms, `scale` and `zoom` of the element and its ancestors (exact, unlike a box's
     * width over its rounded offsetWidth).
     */
    function scaleOf(el: Element): number {
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM()
        if (m)
          return Math.sqrt(Math.abs(m.a * m.d - m.b * m.c))
      }
      let scale = 1
      for (let at: Element | null = el; at; at = at.parentElement) {
        const style = getComputedStyle(at)
        const m = new DOMMatrix(style.transform === 'none'
          ? undefined
          : style.transform)
        scale *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c))
        if (style.scale !== 'none') {
          const [x = 1, y = x] = style.scale.split(/\s+/).map(Number)
          scale *= Math.sqrt(Math.abs(x * y))
        }
        scale *= Number(style.zoom) || 1
      }
      return scale
    }

    const texts: {
      element: string
      px: number
      floor: number
      kind: 'text' | 'source' | 'code'
      color: string
      contrast: number
    }[] = []
    const covered: DOMRect[] = []

    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
    const range = document.createRange()
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!(node.textContent ?? '').trim())
        continue
      const el = node.parentElement
      if (!el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }))
        continue
      range.selectNodeContents(node)
      const rects = [
        ...range.getClientRects(),
      ].filter(r => r.width > 1 || r.height > 1)
      if (rects.length === 0)
        continue
      covered.push(...rects)

      const style = getComputedStyle(el)
      const kind = el.closest('.source-line')
        ? 'source'
        : el.closest('pre, code')
          ? 'code'
          : 'text'
      const px = Number.parseFloat(style.fontSize) * scaleOf(el)
      // SVG text is painted with `fill`; a paint server (url(#…)) or none falls back to `color`.
      const paintCss = el instanceof SVGElement && /^(?:rgb|#|color|hsl|oklch|oklab|lab|lch|hwb)/.test(style.fill)
        ? style.fill
        : style.color
      const fg = parseColor(paintCss)
      const seen = over(fg, fg[3] * opacity(el), base)
      texts.push({
        element: describe(el),
        px: Math.round(px * 10) / 10,
        floor: floors[kind],
        kind,
        color: rgb(seen),
        contrast: Math.round(contrast(seen, base) * 100) / 100,
      })
    }

    // Content that is not text: pictures, and boxes that paint a background or a border but are not
    // the slide's own backdrop.
    for (const el of slide.querySelectorAll('*')) {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }))
        continue
      const box = el.getBoundingClientRect()
      if (box.width <= 1 || box.height <= 1)
        continue
      if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg')
        continue
      if ([
        'img',
        'svg',
        'canvas',
        'video',
        'picture',
        'object',
        'iframe',
      ].includes(el.tagName.toLowerCase())) {
        covered.push(box)
        continue
      }
      if (box.width >= canvas.width - 1 && box.height >= canvas.height - 1)
        continue
      const style = getComputedStyle(el)
      const painted = parseColor(style.backgroundColor)[3] > 0
        || style.backgroundImage !== 'none'
        || (['Top', 'Right', 'Bottom', 'Left'] as const).some(side => Number.parseFloat(style[`border${side}Width`]) > 0
          && style[`border${side}Style`] !== 'none'
          && parseColor(style[`border${side}Color`])[3] > 0)
      if (painted)
        covered.push(box)
    }

    const cols = Math.ceil(canvas.width / cell)
    const rows = Math.ceil(canvas.height / cell)
    const grid = new Uint8Array(cols * rows)
    for (const r of covered) {
      const x0 = Math.max(0, Math.floor((r.left - canvas.left) / cell))
      const x1 = Math.min(cols, Math.ceil((r.right - canvas.left) / cell))
      const y0 = Math.max(0, Math.floor((r.top - canvas.top) / cell))
      const y1 = Math.min(rows, Math.ceil((r.bottom - canvas.top) / cell))
      for (let y = y0; y < y1; y++)
        grid.fill(1, y * cols + x0, y * cols + Math.max(x0, x1))
    }
    const empty = grid.reduce((n, v) => n + (v
      ? 0
      : 1), 0) / grid.length

    // Words: innerText is the text as rendered (clicks revealed, hidden nodes out, blocks apart); the
    // source lines' own words, each a block of its own, are taken back out.
    const count = (text: string): number => text.split(/\s+/).filter(token => /[\p{L}\p{N}]/u.test(token)).length
    const sources = [
      ...slide.querySelectorAll<HTMLElement>('.source-line'),
    ]
      .filter(el => !el.parentElement?.closest('.source-line') && el.checkVisibility())
    // eslint-disable-next-line unicorn/prefer-dom-node-text-content -- the text as rendered, not the markup's
    const words = count(slide.innerText) - sources.reduce((n, el) => n + count(el.innerText), 0)

    return {
      words,
      texts,
      background: rgb(base),
      empty,
      canvas: { width: canvas.width, height: canvas.height },
      qr: [
        ...slide.querySelectorAll<HTMLElement>('[data-qr-url]'),
      ].map(el => ({
        element: describe(el),
        url: el.dataset.qrUrl ?? '',
      })),
    }
  }, { no, floors: ROOM_FLOORS, cell: ROOM_CELL })
}

/** The texts drawn below their floor, one line each (element, size and floor), repeats once. */
export function smallText(room: RoomMeasure): string {
  return [
    ...new Set(room.texts
      .filter(t => t.px < t.floor)
      .map(t => `  ${t.element}: ${t.px}px (${t.kind} floor ${t.floor}px)`)),
  ]
    .join('\n')
}

/** The texts below ROOM_MIN_CONTRAST against the base background, one line each. */
export function faintText(room: RoomMeasure): string {
  return [
    ...new Set(room.texts
      .filter(t => t.contrast < ROOM_MIN_CONTRAST)
      .map(t => `  ${t.element}: ${t.color} on ${room.background} is ${t.contrast}:1`)),
  ]
    .join('\n')
}

function smallest<T>(items: readonly T[], by: (item: T) => number): T | undefined {
  return items.reduce<T | undefined>((min, item) => min === undefined || by(item) < by(min)
    ? item
    : min, undefined)
}

/** The room table: one line per slide (number, title, words, smallest text, lowest contrast, empty share). */
export function roomTable(slides: readonly { number: number, title: string }[], rooms: ReadonlyMap<number, RoomMeasure>): string {
  const lines = slides.map(({ number, title }) => {
    const room = rooms.get(number)
    if (!room)
      return `${String(number).padStart(2)}  ${title}: not measured`
    const small = smallest(room.texts, t => t.px)
    // The source line is nearly always the smallest: the smallest body text goes beside it.
    const body = small?.kind === 'text'
      ? undefined
      : smallest(room.texts.filter(t => t.kind === 'text'), t => t.px)
    const faint = smallest(room.texts, t => t.contrast)
    return [
      String(number).padStart(2),
      title,
      `${room.words} words`,
      small
        ? `smallest ${small.px}px ${small.element} (${small.kind})${body
          ? `, text ${body.px}px ${body.element}`
          : ''}`
        : 'no text',
      faint
        ? `contrast ${faint.contrast}:1${faint.contrast < ROOM_MIN_CONTRAST
          ? ` ${faint.element}`
          : ''}`
        : 'no text',
      `empty ${Math.round(room.empty * 100)}%`,
    ].join(' | ')
  })
  const words = [
    ...rooms.values(),
  ].map(room => room.words)
  lines.push(`median words: ${words.length
    ? median(words)
    : 'n/a'} (at most ${ROOM_MAX_MEDIAN_WORDS}); at most ${ROOM_MAX_WORDS} a slide; text floors ${ROOM_FLOORS.text}px, source ${ROOM_FLOORS.source}px, code ${ROOM_FLOORS.code}px; contrast ${ROOM_MIN_CONTRAST}:1 on the base background`)
  return `${lines.join('\n')}\n`
}

/** The text of the QR code jsQR finds in `image`, or undefined. */
export function decodeQr(image: PNG): string | undefined {
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data
}
