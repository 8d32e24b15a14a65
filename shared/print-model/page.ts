// The print route's layouts and their page geometry: A4 for the handouts, the slide canvas for the
// slides PDF, the @page rules that make it so.

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
/** The section of the pages of questions from a meeting (`./deck handout --questions`). */
export const QUESTIONS_SECTION = 'Questions from the meeting'

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
