// The print route's page plan and the manifest it publishes for printPdf (scripts/lib/print.ts). Pure
// data, no DOM and no Slidev imports, so Node (the scripts, the tests) and the browser (the route) share it.
import type { SlideFacts } from './slide-facts.ts'
import { shownSlides } from './slide-facts.ts'

export type { SlideFacts }

/**
 * The layouts of the /handout route, each one PDF: `slides`, one page per slide at the canvas size
 * (the slides PDF); `notes`, an A4 handout with one slide per page and its notes; `3up`, A4 with three
 * slides per page beside ruled lines.
 */
export type HandoutLayout = 'slides' | 'notes' | '3up'

export const HANDOUT_LAYOUTS: readonly HandoutLayout[] = ['slides', 'notes', '3up']

/** How many slides one sheet holds in each layout. */
export const SLIDES_PER_SHEET: Record<HandoutLayout, number> = { 'slides': 1, 'notes': 1, '3up': 3 }

/** Whether a layout is an A4 handout (cover, footers, appendix) rather than the slides themselves. */
export function isHandout(layout: HandoutLayout): boolean {
  return layout !== 'slides'
}

/** A4 portrait and the @page margins, in millimetres; the sheet is the page's content box. */
export const PAGE_MM = {
  width: 210,
  height: 297,
  marginTop: 12,
  marginBottom: 10,
  marginX: 14,
} as const

export const CONTENT_MM = {
  width: PAGE_MM.width - 2 * PAGE_MM.marginX,
  height: PAGE_MM.height - PAGE_MM.marginTop - PAGE_MM.marginBottom,
} as const

/** CSS pixels per millimetre (96 px to the inch). */
export const PX_PER_MM = 96 / 25.4

/** The section appendix pages carry in their footer and in the outline. */
export const APPENDIX_SECTION = 'Appendix: talks worth watching'

export function parseLayout(value: unknown): HandoutLayout {
  const raw = Array.isArray(value)
    ? value[0]
    : value
  return HANDOUT_LAYOUTS.find(layout => layout === raw) ?? 'notes'
}

/**
 * The route's @page rules: the layout's page size and margins, both as the default page (Slidev's
 * print mode sets a slide-sized one that Chromium would otherwise lay out at) and as the named page
 * the sheets ask for.
 */
export function pageRules(layout: HandoutLayout, canvas: { width: number, height: number }): string {
  const box = isHandout(layout)
    ? `size: A4 portrait; margin: ${PAGE_MM.marginTop}mm ${PAGE_MM.marginX}mm ${PAGE_MM.marginBottom}mm;`
    : `size: ${canvas.width}px ${canvas.height}px; margin: 0;`
  return `@page { ${box} }\n@page handout { ${box} }`
}

/** The page size of a layout in CSS pixels: the slide canvas for `slides`, A4 otherwise. */
export function pageSizePx(layout: HandoutLayout, canvas: { width: number, height: number }): { width: number, height: number } {
  return isHandout(layout)
    ? { width: PAGE_MM.width * PX_PER_MM, height: PAGE_MM.height * PX_PER_MM }
    : { width: canvas.width, height: canvas.height }
}

/** What the handout needs of one slide. */
export interface HandoutSlide {
  no: number
  title: string
  section: string
  noteHTML: string
}

/**
 * Slides the handout shows, each with its section: a slide's `section:` frontmatter holds until the
 * next slide that sets one. Hidden and disabled slides are left out, as in Slidev's own export.
 */
export function toHandoutSlides(slides: readonly SlideFacts[]): HandoutSlide[] {
  return shownSlides(slides).map(({ no, title, section, noteHTML }) => ({ no, title, section, noteHTML }))
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size))
  return out
}

/**
 * Splits blocks of the given heights over pages greedily, in order: the first page has `first` of
 * room, the others `rest`. A block taller than a page gets a page of its own.
 */
export function paginate(heights: readonly number[], first: number, rest: number): number[][] {
  const pages: number[][] = [[]]
  let room = first
  heights.forEach((height, index) => {
    const current = pages[pages.length - 1]!
    if (height > room && current.length > 0) {
      pages.push([index])
      room = rest - height
      return
    }
    current.push(index)
    room -= height
  })
  return pages
}

export type Sheet
  = | { kind: 'cover' }
    | { kind: 'slides', slides: HandoutSlide[] }
    | { kind: 'appendix', talks: number[], first: boolean }

/** The pages of a layout: the handouts open with a cover and close with the talks; `slides` is the slides alone. */
export function planSheets(slides: readonly HandoutSlide[], layout: HandoutLayout, appendixPages: readonly number[][]): Sheet[] {
  const slideSheets = chunk(slides, SLIDES_PER_SHEET[layout]).map(group => ({ kind: 'slides' as const, slides: group }))
  if (!isHandout(layout))
    return slideSheets
  return [
    { kind: 'cover' },
    ...slideSheets,
    ...appendixPages.map((talks, i) => ({ kind: 'appendix' as const, talks, first: i === 0 })),
  ]
}

/** The sections in order, each with the 1-based page it starts on: the handout cover's contents. */
export function contentsOf(sheets: readonly Sheet[]): { title: string, page: number }[] {
  const entries: { title: string, page: number }[] = []
  sheets.forEach((sheet, index) => {
    const sections = sheet.kind === 'slides'
      ? sheet.slides.map(s => s.section)
      : sheet.kind === 'appendix'
        ? [APPENDIX_SECTION]
        : []
    for (const section of sections) {
      if (section && !entries.some(e => e.title === section))
        entries.push({ title: section, page: index + 1 })
    }
  })
  return entries
}

/** The section a sheet's footer shows. */
export function sheetSection(sheet: Sheet): string {
  if (sheet.kind === 'cover')
    return ''
  if (sheet.kind === 'appendix')
    return APPENDIX_SECTION
  const sections = [
    ...new Set(sheet.slides.map(s => s.section).filter(Boolean)),
  ]
  return sections.join(' · ')
}

export interface ManifestPage {
  /** 0-based page index in the PDF. */
  index: number
  kind: Sheet['kind']
  section: string
  slides: { no: number, title: string, section: string }[]
  talks: { id: string, title: string }[]
}

/** What the route tells the PDF script: document facts and, page by page, what is where. */
export interface HandoutManifest {
  layout: HandoutLayout
  /** The size of every page, in CSS pixels. */
  pageSize: { width: number, height: number }
  lang: string
  /** Whether the build carries speaker notes (false in a --without-notes build). */
  hasNotes: boolean
  pages: ManifestPage[]
}

export function manifestPages(sheets: readonly Sheet[], talks: readonly { id: string, title: string }[]): ManifestPage[] {
  return sheets.map((sheet, index) => ({
    index,
    kind: sheet.kind,
    section: sheetSection(sheet),
    slides: sheet.kind === 'slides'
      ? sheet.slides.map(s => ({ no: s.no, title: s.title, section: s.section }))
      : [],
    talks: sheet.kind === 'appendix'
      ? sheet.talks.map(i => talks[i]).filter(t => t !== undefined).map(t => ({ id: t.id, title: t.title }))
      : [],
  }))
}

/** Outline entries in the shape scripts/lib/pdf-document.ts takes. */
export interface OutlineEntry {
  title: string
  pageIndex: number
  children?: OutlineEntry[]
}

/**
 * Bookmarks: the cover (handouts only), then each section with its slides, numbered as on the site
 * ("7. Title" opens slide 7), then the appendix with its talks.
 */
export function outlineFromManifest(manifest: HandoutManifest): OutlineEntry[] {
  const entries: OutlineEntry[] = []
  const cover = manifest.pages.find(p => p.kind === 'cover')
  if (cover)
    entries.push({ title: 'Cover', pageIndex: cover.index })
  let current: OutlineEntry | undefined
  for (const page of manifest.pages) {
    for (const slide of page.slides) {
      const section = slide.section || 'Slides'
      if (!current || current.title !== section) {
        current = { title: section, pageIndex: page.index, children: [] }
        entries.push(current)
      }
      current.children!.push({ title: `${slide.no}. ${slide.title}`, pageIndex: page.index })
    }
  }
  const appendix = manifest.pages.filter(p => p.kind === 'appendix')
  if (appendix.length > 0) {
    entries.push({
      title: APPENDIX_SECTION,
      pageIndex: appendix[0]!.index,
      children: appendix.flatMap(p => p.talks.map(t => ({ title: t.title, pageIndex: p.index }))),
    })
  }
  return entries
}

/** The global the route sets once the document is laid out, or has failed; printPdf waits on it. */
export const HANDOUT_GLOBAL = '__recapHandout'

/** An error a slide's components threw while the route rendered it. */
export interface SlideError {
  /** The slide's number, as on the site (`/7`). */
  slide: number
  message: string
}

export type HandoutState
  = | {
    status: 'ready'
    manifest: HandoutManifest
    /** Slides whose notes did not fit, even shrunk. */
    overflow: number[]
    slideErrors: SlideError[]
  }
  | { status: 'error', error: string, slideErrors: SlideError[] }

/** The handout's made-on date: `?made=YYYY-MM-DD` if given (reproducible builds), else today. */
export function madeOn(query: unknown, now: Date = new Date()): Date {
  const raw = Array.isArray(query)
    ? query[0]
    : query
  if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const date = new Date(`${raw}T12:00:00Z`)
    if (!Number.isNaN(date.getTime()))
      return date
  }
  return now
}

export function formatMade(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en'
    ? 'en-GB'
    : lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date)
}

/** What a talk contributes to the cover's account of the appendix. */
export interface TalkLinkFacts {
  links: readonly { label: string }[]
}

/**
 * The cover's sentence on the talks appendix, counted from the talks themselves: how many talks,
 * how many have a link (each printed with a QR code), and how many have none.
 */
export function talksAppendixSummary(talks: readonly TalkLinkFacts[]): string {
  const linked = talks.filter(t => t.links.length > 0).length
  const unlinked = talks.length - linked
  const talkWord = (n: number): string => n === 1
    ? 'talk'
    : 'talks'
  const parts = [
    `The last pages list the ${talks.length} ${talkWord(talks.length)} worth watching.`,
    linked === talks.length
      ? `Each has at least one link (a video, slides or a schedule page), printed with a QR code.`
      : `${linked} of them ${linked === 1
        ? 'has'
        : 'have'} at least one link (a video, slides or a schedule page), each printed with a QR code;`
        + ` ${unlinked} ${unlinked === 1
          ? 'has'
          : 'have'} no link, as none could be found.`,
  ]
  return parts.join(' ')
}
