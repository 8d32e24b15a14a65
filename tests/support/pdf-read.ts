// Reading a PDF back as a reader would: text per page, link annotations with their boxes, the outline
// with the pages it opens, pages rendered to PNG, and QR codes decoded from those renders.
import type { Buffer } from 'node:buffer'
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { extractText, getDocumentProxy } from 'unpdf'

const run = promisify(execFile)

export type PdfProxy = Awaited<ReturnType<typeof getDocumentProxy>>

/** pdf.js's annotation type for links (AnnotationType.LINK). */
const LINK = 2

export interface PdfLinkBox {
  url: string
  /** [x1, y1, x2, y2] in PDF points, origin at the bottom left. */
  rect: [number, number, number, number]
}

export interface OutlineItem {
  title: string
  pageIndex: number
  children: OutlineItem[]
}

export async function openPdf(path: string): Promise<PdfProxy> {
  return getDocumentProxy(new Uint8Array(await readFile(path)))
}

/** Text as extracted, made comparable with markdown: typographic quotes and ligatures folded, spaces collapsed. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’]/g, '\'')
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Each page's text, normalised; a word hyphenated across a line break ("high-" then "performance")
 * comes out of pdf.js with a space after the hyphen, which is taken out again.
 */
export async function pageTexts(pdf: PdfProxy): Promise<string[]> {
  return (await extractText(pdf)).text.map(text => normalise(text).replace(/(\w)- \b/g, '$1-'))
}

export async function pageSizes(pdf: PdfProxy): Promise<{ width: number, height: number }[]> {
  const sizes = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const { width, height } = (await pdf.getPage(n)).getViewport({ scale: 1 })
    sizes.push({ width, height })
  }
  return sizes
}

export async function linkBoxes(pdf: PdfProxy, pageIndex: number): Promise<PdfLinkBox[]> {
  const page = await pdf.getPage(pageIndex + 1)
  const annotations = await page.getAnnotations() as { annotationType: number, url?: string, rect: number[] }[]
  return annotations
    .filter(a => a.annotationType === LINK && typeof a.url === 'string')
    .map(a => ({
      url: a.url!,
      rect: [
        a.rect[0]!,
        a.rect[1]!,
        a.rect[2]!,
        a.rect[3]!,
      ],
    }))
}

/** The pages that the links inside the document (GoTo, not URI) on a page jump to, in order. */
export async function internalLinkTargets(pdf: PdfProxy, pageIndex: number): Promise<number[]> {
  const page = await pdf.getPage(pageIndex + 1)
  const annotations = await page.getAnnotations() as { annotationType: number, url?: string, dest?: unknown }[]
  const internal = annotations.filter(a => a.annotationType === LINK && a.url === undefined && a.dest !== undefined)
  return Promise.all(internal.map(async a => destinationPage(pdf, a.dest)))
}

export async function destinationPage(pdf: PdfProxy, dest: unknown): Promise<number> {
  const explicit = typeof dest === 'string'
    ? await pdf.getDestination(dest)
    : dest
  if (!Array.isArray(explicit))
    throw new TypeError(`not a destination: ${JSON.stringify(dest)}`)
  return pdf.getPageIndex(explicit[0])
}

export async function readOutline(pdf: PdfProxy): Promise<OutlineItem[]> {
  interface Node { title: string, dest: unknown, items: Node[] }
  const walk = async (nodes: Node[]): Promise<OutlineItem[]> => Promise.all(nodes.map(async node => ({
    title: node.title,
    pageIndex: await destinationPage(pdf, node.dest),
    children: await walk(node.items),
  })))
  return walk((await pdf.getOutline() ?? []) as Node[])
}

/** One page rendered by Poppler's pdftoppm, as PNG bytes. */
export async function renderPage(path: string, pageNumber: number, dpi: number): Promise<Buffer> {
  const { stdout } = await run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(pageNumber),
    '-l',
    String(pageNumber),
    '-singlefile',
    path,
  ], {
    encoding: 'buffer',
    maxBuffer: 256 * 1024 * 1024,
  })
  return stdout
}

export interface Raster {
  width: number
  height: number
  /** RGBA, row by row. */
  data: Uint8Array
}

export function readPng(png: Buffer): Raster {
  const { width, height, data } = PNG.sync.read(png)
  return { width, height, data }
}

/** The QR code inside `rect` (PDF points) of a page rendered at `dpi`, decoded; undefined if none is found. */
export function decodeQrIn(image: Raster, rect: PdfLinkBox['rect'], pageHeightPt: number, dpi: number): string | undefined {
  const scale = dpi / 72
  const left = Math.max(0, Math.floor(rect[0] * scale))
  const right = Math.min(image.width, Math.ceil(rect[2] * scale))
  const top = Math.max(0, Math.floor((pageHeightPt - rect[3]) * scale))
  const bottom = Math.min(image.height, Math.ceil((pageHeightPt - rect[1]) * scale))
  const width = right - left
  const height = bottom - top
  const crop = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * image.width + left) * 4
    crop.set(image.data.subarray(from, from + width * 4), y * width * 4)
  }
  return jsQR(crop, width, height)?.data
}

/** Share of pixels that are not near-white: a blank page is about 0. */
export function inkCoverage(png: Buffer): number {
  const { data, width, height } = PNG.sync.read(png)
  let ink = 0
  for (let i = 0; i < data.length; i += 4) {
    if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235)
      ink++
  }
  return ink / (width * height)
}
