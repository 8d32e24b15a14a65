// Export timing, the same method for both decks: Slidev's own `slidev export` CLI (PDF, one page
// per slide, no clicks), run in the deck's folder with its own Slidev, driving the resolved
// Chromium. What is timed is the whole command: the dev server's start, rendering every slide,
// writing the PDF. Per page is that time over the PDF's page count.
import { execFile } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { PDFDocument } from 'pdf-lib'

const run = promisify(execFile)

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
  const slidev = join(deckDir, 'node_modules/@slidev/cli/bin/slidev.mjs')
  const out = join(options.outDir, `${options.name}.pdf`)
  await rm(out, { force: true })
  const started = performance.now()
  try {
    await run(process.execPath, [
      slidev,
      'export',
      '--executable-path',
      options.executablePath,
      '--timeout',
      String(options.pageTimeoutMs ?? 120_000),
      '--output',
      out,
    ], {
      cwd: deckDir,
      timeout: options.budgetMs ?? 10 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CI: '1', NO_COLOR: '1' },
    })
  }
  catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string, stderr?: string }
    throw new Error(`slidev export in ${deckDir} failed: ${(error as Error).message}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`)
  }
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
