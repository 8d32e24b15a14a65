import type { Question } from '../questions.ts'
import type { SlideFacts } from '../slide-facts.ts'
import type { HandoutLayout } from './page.ts'
import { shownSlides } from '../slide-facts.ts'
import { APPENDIX_SECTION, isHandout, QUESTIONS_SECTION, SLIDES_PER_SHEET } from './page.ts'

// The sheets of a layout: which slides, cover and appendix pages go on which page, and the contents.

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
    | { kind: 'questions', questions: Question[], first: boolean }

/** Room for questions on a page, in characters of text (a question's, its name's and its answer's, plus a line's worth each). */
export const QUESTION_CHARS_PER_PAGE = 2400
const QUESTION_OVERHEAD_CHARS = 160

/**
 * The meeting's questions over pages, in order, by their length: a page holds what adds up to
 * QUESTION_CHARS_PER_PAGE (its first, with the heading, a little less), at least one question.
 */
export function questionPages(questions: readonly Question[]): Question[][] {
  const sizes = questions.map(q => q.text.length + (q.name?.length ?? 0) + (q.answer?.length ?? 0) + QUESTION_OVERHEAD_CHARS)
  return paginate(sizes, QUESTION_CHARS_PER_PAGE - 3 * QUESTION_OVERHEAD_CHARS, QUESTION_CHARS_PER_PAGE).map(page => page.map(i => questions[i]!))
}

/**
 * The pages of a layout: the handouts open with a cover and close with the talks, then the meeting's
 * questions when given; `slides` is the slides alone.
 */
export function planSheets(slides: readonly HandoutSlide[], layout: HandoutLayout, appendixPages: readonly number[][], questions: readonly Question[] = []): Sheet[] {
  const slideSheets = chunk(slides, SLIDES_PER_SHEET[layout]).map(group => ({ kind: 'slides' as const, slides: group }))
  if (!isHandout(layout))
    return slideSheets
  return [
    { kind: 'cover' },
    ...slideSheets,
    ...appendixPages.map((talks, i) => ({ kind: 'appendix' as const, talks, first: i === 0 })),
    ...(questions.length
      ? questionPages(questions)
      : []).map((page, i) => ({ kind: 'questions' as const, questions: page, first: i === 0 })),
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
        : sheet.kind === 'questions'
          ? [QUESTIONS_SECTION]
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
  if (sheet.kind === 'questions')
    return QUESTIONS_SECTION
  const sections = [
    ...new Set(sheet.slides.map(s => s.section).filter(Boolean)),
  ]
  return sections.join(' · ')
}
