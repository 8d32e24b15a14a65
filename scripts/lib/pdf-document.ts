// The printed PDF as a document (pdf-lib): its metadata, outline and links. Printing it is
// pdf-page.ts's.
import type { PDFDocument, PDFRef } from 'pdf-lib'
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib'

// ---------------------------------------------------------------------------------------------
// Metadata

export interface PdfMetadata {
  title: string
  author?: string
  subject?: string
  /** A list is written comma-separated; a string is written as it is. */
  keywords?: string | readonly string[]
  /** BCP 47 tag for the catalog's /Lang, which screen readers use to pick a voice, e.g. "en". */
  language?: string
  creator?: string
  producer?: string
  /** Fixed dates make two exports of the same deck comparable; both default to now. */
  creationDate?: Date
  modificationDate?: Date
}

/**
 * Sets the document information dictionary and the catalog's /Lang, and asks viewers to show the
 * title rather than the file name (PDF/UA expects DisplayDocTitle).
 */
export function setPdfMetadata(doc: PDFDocument, meta: PdfMetadata): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true })
  if (meta.author)
    doc.setAuthor(meta.author)
  if (meta.subject)
    doc.setSubject(meta.subject)
  // pdf-lib joins keywords with spaces, which would merge multi-word keywords; commas keep them apart.
  const keywords = typeof meta.keywords === 'string'
    ? meta.keywords
    : meta.keywords?.join(', ')
  if (keywords)
    doc.setKeywords([keywords])
  if (meta.language)
    doc.setLanguage(meta.language)
  doc.setCreator(meta.creator ?? 'openstack-tokyo-2015-recap')
  doc.setProducer(meta.producer ?? 'Chromium and pdf-lib')
  const now = new Date()
  doc.setCreationDate(meta.creationDate ?? now)
  doc.setModificationDate(meta.modificationDate ?? meta.creationDate ?? now)
}

// ---------------------------------------------------------------------------------------------
// Outline (bookmarks)

export interface PdfOutlineEntry {
  title: string
  /** 0-based index of the page the entry opens. */
  pageIndex: number
  children?: readonly PdfOutlineEntry[]
  /** Whether the entry starts expanded; true unless set. */
  open?: boolean
}

interface PlacedEntry {
  ref: PDFRef
  dict: PDFDict
  entry: PdfOutlineEntry
  children: PlacedEntry[]
}

/** Items visible under an entry when it is expanded: its children plus their own visible items. */
function visibleBelow(item: PlacedEntry): number {
  return item.children.reduce((sum, child) => sum + 1 + (child.entry.open === false
    ? 0
    : visibleBelow(child)), 0)
}

/**
 * Replaces the document outline with `entries`, each opening its page fitted to the window.
 * Built from the PDF 1.7 structures (§12.3.3) directly, so it needs nothing beyond pdf-lib.
 */
export function addPdfOutline(doc: PDFDocument, entries: readonly PdfOutlineEntry[]): void {
  const context = doc.context
  const pages = doc.getPages()
  const rootRef = context.nextRef()

  const place = (list: readonly PdfOutlineEntry[], parent: PDFRef): PlacedEntry[] => {
    const placed = list.map((entry): PlacedEntry => {
      const page = pages[entry.pageIndex]
      if (!Number.isInteger(entry.pageIndex) || !page)
        throw new RangeError(`outline entry "${entry.title}" points at page index ${entry.pageIndex}, but the document has ${pages.length} pages`)
      const dict = context.obj({}) as PDFDict
      dict.set(PDFName.of('Title'), PDFHexString.fromText(entry.title))
      dict.set(PDFName.of('Parent'), parent)
      dict.set(PDFName.of('Dest'), context.obj([
        page.ref,
        PDFName.of('Fit'),
      ]))
      return {
        ref: context.nextRef(),
        dict,
        entry,
        children: [],
      }
    })
    placed.forEach((item, index) => {
      const previous = placed[index - 1]
      const next = placed[index + 1]
      if (previous)
        item.dict.set(PDFName.of('Prev'), previous.ref)
      if (next)
        item.dict.set(PDFName.of('Next'), next.ref)
      item.children = place(item.entry.children ?? [], item.ref)
      const first = item.children[0]
      const last = item.children.at(-1)
      if (first && last) {
        item.dict.set(PDFName.of('First'), first.ref)
        item.dict.set(PDFName.of('Last'), last.ref)
        // Positive Count: open, showing that many descendants; negative: closed, hiding them.
        const count = visibleBelow(item)
        item.dict.set(PDFName.of('Count'), PDFNumber.of(item.entry.open === false
          ? -count
          : count))
      }
      context.assign(item.ref, item.dict)
    })
    return placed
  }

  const top = place(entries, rootRef)
  const root = context.obj({ Type: 'Outlines' }) as PDFDict
  const first = top[0]
  const last = top.at(-1)
  if (first && last) {
    root.set(PDFName.of('First'), first.ref)
    root.set(PDFName.of('Last'), last.ref)
    root.set(PDFName.of('Count'), PDFNumber.of(top.reduce((sum, item) => sum + 1 + (item.entry.open === false
      ? 0
      : visibleBelow(item)), 0)))
  }
  context.assign(rootRef, root)
  doc.catalog.set(PDFName.of('Outlines'), rootRef)
  if (top.length > 0)
    doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}

// ---------------------------------------------------------------------------------------------
// Links

export interface PdfLink {
  pageIndex: number
  uri: string
}

function decodeText(value: unknown): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString)
    return value.decodeText()
  return undefined
}

/** The URI link annotations of every page, read from the PDF objects themselves. */
export function pdfUriLinks(doc: PDFDocument): PdfLink[] {
  const links: PdfLink[] = []
  doc.getPages().forEach((page, pageIndex) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots?.lookupMaybe(i, PDFDict)
      if (annot?.lookupMaybe(PDFName.of('Subtype'), PDFName) !== PDFName.of('Link'))
        continue
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict)
      if (action?.lookupMaybe(PDFName.of('S'), PDFName) !== PDFName.of('URI'))
        continue
      const uri = decodeText(action.lookup(PDFName.of('URI')))
      if (uri)
        links.push({ pageIndex, uri })
    }
  })
  return links
}

/**
 * Links between slides point at the loopback server the PDF was printed from, which is gone once it
 * is read. They become jumps to the page `pageOfSlide` gives for the slide; any other loopback link is
 * removed rather than left to fail. Slidev's <Link> prints as "#N"; a plain link to a slide is "<base>N".
 */
export function retargetLocalLinks(doc: PDFDocument, origin: string, base: string, pageOfSlide: (slide: number) => number | undefined): void {
  const pages = doc.getPages()
  for (const page of pages) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
    if (!annots)
      continue
    for (let i = annots.size() - 1; i >= 0; i--) {
      const action = annots.lookupMaybe(i, PDFDict)?.lookupMaybe(PDFName.of('A'), PDFDict)
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString)?.decodeText()
      if (!action || !uri?.startsWith(origin))
        continue
      const { pathname, hash } = new URL(uri)
      const slide = /^#(\d+)$/.exec(hash)?.[1]
        ?? (pathname.startsWith(base)
          ? /^(\d+)$/.exec(pathname.slice(base.length))?.[1]
          : undefined)
      const index = slide === undefined
        ? undefined
        : pageOfSlide(Number(slide))
      const target = index === undefined
        ? undefined
        : pages[index]
      if (!target) {
        annots.remove(i)
        continue
      }
      action.set(PDFName.of('S'), PDFName.of('GoTo'))
      action.delete(PDFName.of('URI'))
      action.set(PDFName.of('D'), doc.context.obj([
        target.ref,
        PDFName.of('Fit'),
      ]))
    }
  }
}
