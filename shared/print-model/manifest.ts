import type { HandoutLayout } from './page.ts'
import type { Sheet } from './sheets.ts'
import { APPENDIX_SECTION, QUESTIONS_SECTION } from './page.ts'
import { sheetSection } from './sheets.ts'

// The contract between the print route and printPdf (scripts/lib/print.ts): the global the route
// publishes once laid out, the manifest of what is on each page, and the PDF outline made from it.

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
  const questions = manifest.pages.find(p => p.kind === 'questions')
  if (questions)
    entries.push({ title: QUESTIONS_SECTION, pageIndex: questions.index })
  return entries
}

/** The global the route sets once the document is laid out, or has failed; printPdf waits on it. */
export const HANDOUT_GLOBAL = '__recapHandout'

/** The global printPdf sets before the route loads when it prints a meeting's questions: MeetingQuestions. */
export const QUESTIONS_GLOBAL = '__recapQuestions'

/** A meeting's questions for a handout: its day (YYYY-MM-DD) and those shown to the room. */
export interface MeetingQuestions {
  meeting: string
  questions: import('../questions.ts').Question[]
}

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
