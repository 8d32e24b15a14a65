// Export timing, the same method for both decks: Slidev's own `slidev export` CLI (PDF, one page
// per slide, no clicks), run in the deck's folder with its own Slidev, driving the resolved
// Chromium. What is timed is the whole command: the dev server's start, rendering every slide,
// writing the PDF. Per page is that time over the PDF's page count.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { runSlidev } from '../lib/build.ts'

export interface ExportTiming {
  ms: number
  pages: number
  perPageMs: number
  bytes: number
}

export interface ExportTimingOptions {
  executablePath: string
  /** Folder for the PDF; removed after counting. */
  outDir: string
  name: string
  /** Slidev's per-page timeout (`--timeout`). */
  pageTimeoutMs?: number
  /** The whole command's limit. */
  budgetMs?: number
}

export async function timeSlidevExport(deckDir: string, options: ExportTimingOptions): Promise<ExportTiming> {
  const out = join(options.outDir, `${options.name}.pdf`)
  await rm(out, { force: true })
  const started = performance.now()
  await runSlidev('export', [
    '--executable-path',
    options.executablePath,
    '--timeout',
    String(options.pageTimeoutMs ?? 120_000),
    '--output',
    out,
  ], {
    cwd: deckDir,
    timeout: options.budgetMs ?? 10 * 60_000,
    env: { CI: '1', NO_COLOR: '1' },
  })
  const ms = performance.now() - started
  const pdf = await readFile(out)
  const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount()
  await rm(out, { force: true })
  return {
    ms,
    pages,
    perPageMs: ms / pages,
    bytes: pdf.length,
  }
}
