// `npm run bench`: this deck against Slidev's starter deck, built and loaded the same way on this
// machine, printed side by side with ratios ours/starter.
//
// Usage: node scripts/bench/bench.ts [--runs 5] [--lighthouse-runs 1] [--no-lighthouse] [--no-export]
//                                    [--fresh-starter] [--json FILE] [--markdown FILE]
//
// - Build: wall time of `slidev build` for each deck, once.
// - Cold loads (--runs, median): headless Chromium, a fresh context each, HTTP cache disabled,
//   service workers blocked, the built site on loopback with gzip. Hosts other than 127.0.0.1 do not
//   resolve (as offline: remote assets fail at once). "First slide visible" is the first frame that
//   shows slide 1, from our static first paint or from the app; "JS+CSS before first slide" counts
//   responses finished before the app itself drew slide 1 (the stricter of the two moments).
// - Lighthouse (mobile and desktop presets), same Chromium, same server.
// - Export: `slidev export` (PDF) of each deck with the resolved Chromium, whole command timed.
import type { Browser } from 'playwright-chromium'
import type { ExportTiming } from './export.ts'
import type { Category, LighthouseRun, Preset } from './lighthouse.ts'
import type { LoadSample } from './load.ts'
import type { PageSample } from './pages.ts'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-chromium'
import { median } from '../../shared/stats.ts'
import { resolveChromium } from '../lib/browser.ts'
import { slidevBuild } from '../lib/build.ts'
import { loadDeck, DECK_ROOT as ROOT } from '../lib/deck.ts'
import { runMain } from '../lib/main.ts'
import { launchOfflineChromium } from '../lib/offline.ts'
import { serveStatic } from '../lib/serve.ts'
import { timeSlidevExport } from './export.ts'
import { CATEGORIES, runLighthouse } from './lighthouse.ts'
import { coldLoad } from './load.ts'
import { pageColdLoad } from './pages.ts'
import { prepareStarter } from './starter.ts'
import { formatBytes, formatCount, formatMs, formatRatio, formatSeconds, ratio, timed } from './stats.ts'

/** The benchmark, run as `npm run bench` (runMain: a failure is one line and exit code 1). */
async function bench(argv: string[]): Promise<void> {
  const { values: args } = parseArgs({
    args: argv,
    options: {
      'runs': { type: 'string', default: '5' },
      'lighthouse-runs': { type: 'string', default: '1' },
      'no-lighthouse': { type: 'boolean', default: false },
      'no-export': { type: 'boolean', default: false },
      'fresh-starter': { type: 'boolean', default: false },
      'load-budget': { type: 'string', default: '30000' },
      'json': { type: 'string' },
      'markdown': { type: 'string' },
    },
  })
  const RUNS = Math.max(1, Number(args.runs))
  const LH_RUNS = Math.max(1, Number(args['lighthouse-runs']))
  const LOAD_BUDGET = Number(args['load-budget'])

  type Deck = 'ours' | 'starter'
  const DECKS: Deck[] = ['ours', 'starter']

  function log(line: string): void {
    process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`)
  }

  async function version(pkgDir: string): Promise<string> {
    return (JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version
  }

  /** Wall time of `slidev build` of the deck in `deckDir`, with that deck's own Slidev. */
  async function build(deckDir: string, outDir: string): Promise<number> {
    await rm(outDir, { recursive: true, force: true })
    const { ms } = await timed(() => slidevBuild(['--out', outDir], {
      cwd: deckDir,
      timeout: 10 * 60_000,
      env: { NO_COLOR: '1' },
    }))
    return ms
  }

  /** What the service worker precaches, from the sw.js vite-plugin-pwa wrote. */
  async function precache(distDir: string): Promise<{ entries: number, bytes: number } | undefined> {
    const sw = await readFile(join(distDir, 'sw.js'), 'utf8').catch(() => undefined)
    if (!sw)
      return undefined
    const urls = [
      ...sw.matchAll(/\{url:"([^"]+)",revision:/g),
    ].map(match => match[1]!)
    let bytes = 0
    for (const url of urls)
      bytes += (await stat(join(distDir, url)).catch(() => undefined))?.size ?? 0
    return { entries: urls.length, bytes }
  }

  interface DeckResult {
    buildMs: number
    loads: LoadSample[]
    lighthouse: Record<Preset, LighthouseRun[]>
    lighthouseErrors: string[]
    export?: ExportTiming
    exportError?: string
  }

  const started = performance.now()
  const work = join(os.tmpdir(), 'recap-bench')
  await mkdir(work, { recursive: true })
  const slidevVersion = await version(join(ROOT, 'node_modules/@slidev/cli'))
  const playwrightVersion = await version(join(ROOT, 'node_modules/playwright-chromium'))
  // The pages are measured in the full browser, as a visitor's, not in the headless shell.
  const resolved = resolveChromium({ headlessShell: false })
  const executablePath = resolved.executablePath ?? chromium.executablePath()
  const loadAtStart = os.loadavg()

  log(`Slidev ${slidevVersion}, Chromium ${executablePath} (${resolved.origin}), ${RUNS} cold loads and ${LH_RUNS} Lighthouse run(s) per preset for each deck`)
  const starter = await prepareStarter({
    slidevVersion,
    playwrightVersion,
    fresh: args['fresh-starter'],
    log,
  })
  const dirs: Record<Deck, string> = { ours: ROOT, starter: starter.dir }
  const dists: Record<Deck, string> = {
    ours: join(work, 'ours-dist'),
    starter: join(work, 'starter-dist'),
  }
  const results = {} as Record<Deck, DeckResult>
  /**
   * Ours only: prerendered pages as a phone loads them (issue 16): slide 1, a slide in the middle of
   * the deck (the address people share) and the reader. The starter has neither deep-link pages nor a reader.
   */
  const slideCount = (await loadDeck()).slides.length
  const PAGES = [
    '1',
    String(Math.ceil(slideCount / 2)),
    'read',
  ]
  const pages = Object.fromEntries(PAGES.map(path => [
    path,
    { loads: [] as PageSample[], lighthouse: [] as LighthouseRun[], errors: [] as string[] },
  ]))

  for (const deck of DECKS) {
    log(`${deck}: slidev build`)
    results[deck] = {
      buildMs: await build(dirs[deck], dists[deck]),
      loads: [],
      lighthouse: { mobile: [], desktop: [] },
      lighthouseErrors: [],
    }
    log(`${deck}: built in ${formatSeconds(results[deck].buildMs)}`)
  }

  // Gzip as a host serves it; both decks from the same server, so neither gains from it.
  function serve(dist: string): ReturnType<typeof serveStatic> {
    return serveStatic(dist, {
      gzip: true,
      headers: { 'Cache-Control': 'no-cache' },
    })
  }
  const servers = { ours: await serve(dists.ours), starter: await serve(dists.starter) }
  let browserVersion = ''
  try {
  // Cold loads, alternating decks so that a busy moment on the machine hits both alike.
    const browser: Browser = await launchOfflineChromium()
    browserVersion = browser.version()
    try {
      for (let i = 0; i < RUNS; i++) {
        for (const deck of DECKS) {
          const sample = await coldLoad(browser, servers[deck].url, { budgetMs: LOAD_BUDGET })
          results[deck].loads.push(sample)
          log(`${deck}: load ${i + 1}/${RUNS}: slide 1 at ${formatMs(sample.firstSlideMs)} (app ${formatMs(sample.appSlideMs)}), ${formatBytes(sample.jsCssBytes)} JS+CSS, ${sample.requests} requests (${sample.external} off-host)${sample.overBudget ? ', over budget' : ''}`)
        }
        for (const path of PAGES) {
          try {
            const sample = await pageColdLoad(browser, servers.ours.url, path, { budgetMs: LOAD_BUDGET })
            pages[path]!.loads.push(sample)
            log(`ours /${path}: load ${i + 1}/${RUNS}: first paint ${formatMs(sample.fcpMs)} with ${formatBytes(sample.paintJsCss)} JS+CSS, app ${formatMs(sample.appAfterKeyMs)} after the first key`)
          }
          catch (error) {
            pages[path]!.errors.push(`load: ${(error as Error).message.split('\n')[0]}`)
          }
        }
      }
    }
    finally {
      await browser.close()
    }

    if (!args['no-lighthouse']) {
      for (const preset of ['mobile', 'desktop'] as const) {
        for (let i = 0; i < LH_RUNS; i++) {
          for (const deck of DECKS) {
            try {
              const result = await runLighthouse(servers[deck].url, preset)
              results[deck].lighthouse[preset].push(result)
              log(`${deck}: Lighthouse ${preset}: ${CATEGORIES.map(c => `${c} ${result.scores[c]}`).join(', ')}`)
            }
            catch (error) {
              results[deck].lighthouseErrors.push(`${preset}: ${(error as Error).message}`)
              log(`${deck}: Lighthouse ${preset} failed: ${(error as Error).message}`)
            }
          }
          for (const path of preset === 'mobile'
            ? PAGES
            : []) {
            try {
              const result = await runLighthouse(new URL(path, servers.ours.url).href, 'mobile')
              pages[path]!.lighthouse.push(result)
              log(`ours /${path}: Lighthouse mobile: ${CATEGORIES.map(c => `${c} ${result.scores[c]}`).join(', ')}; TBT ${formatMs(result.metrics.tbt)}`)
            }
            catch (error) {
              pages[path]!.errors.push(`Lighthouse mobile: ${(error as Error).message.split('\n')[0]}`)
            }
          }
        }
      }
    }
  }
  finally {
    await servers.ours.close()
    await servers.starter.close()
  }

  if (!args['no-export']) {
    for (const deck of DECKS) {
      log(`${deck}: slidev export`)
      try {
        results[deck].export = await timeSlidevExport(dirs[deck], { executablePath, outDir: work, name: `${deck}-export` })
        log(`${deck}: exported ${results[deck].export.pages} pages in ${formatSeconds(results[deck].export.ms)}`)
      }
      catch (error) {
        results[deck].exportError = (error as Error).message
        log(`${deck}: export failed: ${(error as Error).message.split('\n')[0]}`)
      }
    }
  }

  // ---- the table ----
  interface Row { label: string, ours: number, starter: number, format: (value: number) => string, ratio?: boolean }
  const loadMedian = (deck: Deck, pick: (s: LoadSample) => number): number => median(results[deck].loads.map(pick))
  const lhMedian = (deck: Deck, preset: Preset, category: Category): number => median(results[deck].lighthouse[preset].map(r => r.scores[category]))
  function score(value: number): string {
    return Number.isFinite(value)
      ? String(Math.round(value))
      : 'n/a'
  }

  /** A row of the table: the same figure of each deck. */
  function tableRow(label: string, of: (deck: Deck) => number, format: (value: number) => string, withRatio = true): Row {
    return {
      label,
      ours: of('ours'),
      starter: of('starter'),
      format,
      ratio: withRatio,
    }
  }
  /** A row of cold-load medians: the same field of each deck's samples. */
  function loadRow(label: string, field: keyof Omit<LoadSample, 'overBudget'>, format: (value: number) => string): Row {
    return tableRow(label, deck => loadMedian(deck, s => s[field]), format)
  }
  const exported = (deck: Deck, field: keyof ExportTiming): number => results[deck].export?.[field] ?? Number.NaN

  const rows: Row[] = [
    loadRow('JS+CSS before first slide (uncompressed)', 'jsCssBytes', formatBytes),
    loadRow('JS+CSS before first slide (gzip, on the wire)', 'jsCssWireBytes', formatBytes),
    loadRow('JS+CSS files before first slide', 'jsCssFiles', formatCount),
    loadRow('Requests on load (until network quiet)', 'requests', formatCount),
    loadRow('Requests leaving localhost', 'external', formatCount),
    loadRow('Failed requests', 'failed', formatCount),
    loadRow('First slide visible', 'firstSlideMs', formatMs),
    loadRow('App ready after the first key (ours; the starter\'s starts alone)', 'appAfterKeyMs', formatMs),
    loadRow('Largest contentful paint', 'lcpMs', formatMs),
    tableRow('Build time (slidev build)', deck => results[deck].buildMs, formatSeconds),
  ]
  if (!args['no-export']) {
    rows.push(
      tableRow('Export: pages (slidev export, PDF)', deck => exported(deck, 'pages'), formatCount, false),
      tableRow('Export: whole command', deck => exported(deck, 'ms'), formatSeconds),
      tableRow('Export: time per page', deck => exported(deck, 'perPageMs'), formatSeconds),
    )
  }
  if (!args['no-lighthouse']) {
    for (const preset of ['mobile', 'desktop'] as const) {
      for (const category of CATEGORIES)
        rows.push(tableRow(`Lighthouse ${preset}: ${category}`, deck => lhMedian(deck, preset, category), score))
    }
  }

  const headers = [
    'Metric',
    'Ours',
    'Starter',
    'Ours/starter',
  ]
  const lines = rows.map(row => [
    row.label,
    row.format(row.ours),
    row.format(row.starter),
    row.ratio === false
      ? ''
      : formatRatio(ratio(row.ours, row.starter)),
  ])
  const widths = headers.map((header, i) => Math.max(header.length, ...lines.map(line => line[i]!.length)))
  function pad(cells: string[]): string {
    return `| ${cells.map((cell, i) => i === 0
      ? cell.padEnd(widths[i]!)
      : cell.padStart(widths[i]!)).join(' | ')} |`
  }
  const table = [
    pad(headers),
    `| ${widths.map((width, i) => i === 0
      ? '-'.repeat(width)
      : `${'-'.repeat(width - 1)}:`).join(' | ')} |`,
    ...lines.map(pad),
  ].join('\n')

  const cpus = os.cpus()
  const sw = await precache(dists.ours)
  const notes: string[] = [
    `Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}; load average ${loadAtStart.map(n => n.toFixed(1)).join(' ')} at start, ${os.loadavg().map(n => n.toFixed(1)).join(' ')} at end`,
    `Node ${process.versions.node}, Slidev ${slidevVersion} for both decks (starter: create-slidev ${starter.templateVersion} template), Chromium ${browserVersion || 'n/a'} (${executablePath}), Lighthouse ${await version(join(ROOT, 'node_modules/lighthouse'))}`,
    `Cold loads: median of ${RUNS} per deck; Lighthouse: median of ${LH_RUNS} run(s) per preset; build and export: one run each`,
  ]
  if (sw)
    notes.push(`Ours: the service worker precaches ${sw.entries} files, ${formatBytes(sw.bytes)}, after the first load (not counted above: blocked in cold loads)`)
  for (const deck of DECKS) {
    for (const error of results[deck].lighthouseErrors)
      notes.push(`${deck}: Lighthouse ${error.split('\n')[0]}`)
    if (results[deck].exportError)
      notes.push(`${deck}: export failed: ${results[deck].exportError!.split('\n')[0]}`)
    const over = results[deck].loads.filter(s => s.overBudget).length
    if (over)
      notes.push(`${deck}: ${over} of ${RUNS} loads ran over the ${formatSeconds(LOAD_BUDGET)} budget`)
  }
  const failing = new Map<string, string>()
  for (const preset of ['mobile', 'desktop'] as const) {
    for (const run of results.ours.lighthouse[preset]) {
      for (const audit of run.failing)
        failing.set(`${preset} ${audit.category}: ${audit.id}`, `${audit.title} (${audit.score.toFixed(2)})`)
    }
  }
  const lhMetrics = (['mobile', 'desktop'] as const).flatMap((preset) => {
    const runs = results.ours.lighthouse[preset]
    if (!runs.length)
      return []
    const m = (pick: (r: LighthouseRun) => number): number => median(runs.map(pick))
    return [`Ours, Lighthouse ${preset}: FCP ${formatMs(m(r => r.metrics.fcp))}, LCP ${formatMs(m(r => r.metrics.lcp))}, TBT ${formatMs(m(r => r.metrics.tbt))}, CLS ${m(r => r.metrics.cls).toFixed(3)}, Speed Index ${formatMs(m(r => r.metrics.si))}, benchmarkIndex ${formatCount(m(r => r.benchmarkIndex))}`]
  })
  notes.push(...lhMetrics)
  for (const path of PAGES) {
    const { loads, lighthouse, errors } = pages[path]!
    if (loads.length) {
      const m = (pick: (s: PageSample) => number): number => median(loads.map(pick))
      notes.push(`Ours, /${path} on a phone-sized window (390x844, median of ${loads.length} cold loads): first paint ${formatMs(m(s => s.fcpMs))}, with ${formatBytes(m(s => s.paintJsCss))} of JS+CSS (${formatBytes(m(s => s.paintJsCssWire))} gzip); loaded with the app's code preloaded, not run: ${formatBytes(m(s => s.loadedJsCss))} (${formatBytes(m(s => s.loadedJsCssWire))} gzip); the app ready ${formatMs(m(s => s.appAfterKeyMs))} after the first key`)
    }
    if (lighthouse.length) {
      const mm = (pick: (r: LighthouseRun) => number): number => median(lighthouse.map(pick))
      notes.push(`Ours, Lighthouse mobile on /${path} (median of ${lighthouse.length}: ${lighthouse.map(r => r.scores.performance).join(', ')}; targets 95, CLS 0, TBT under 150 ms): ${CATEGORIES.map(c => `${c} ${score(mm(r => r.scores[c]))}`).join(', ')}; FCP ${formatMs(mm(r => r.metrics.fcp))}, LCP ${formatMs(mm(r => r.metrics.lcp))}, TBT ${formatMs(mm(r => r.metrics.tbt))}, CLS ${mm(r => r.metrics.cls).toFixed(3)}, benchmarkIndex ${formatCount(mm(r => r.benchmarkIndex))}`)
      const below = new Map(lighthouse.flatMap(r => r.failing.map(a => [`${a.category}: ${a.id}`, `${a.title} (${a.score.toFixed(2)})`] as const)))
      if (below.size)
        notes.push(`Ours, Lighthouse mobile on /${path}, audits below 0.9: ${[...below].map(([id, text]) => `${id}: ${text}`).join('; ')}`)
    }
    for (const error of errors)
      notes.push(`Ours, /${path}: ${error}`)
  }
  if (failing.size)
    notes.push(`Ours, Lighthouse audits below 0.9: ${[...failing].map(([id, text]) => `${id}: ${text}`).join('; ')}`)
  notes.push(`Bench time: ${formatSeconds(performance.now() - started)}`)

  const output = `${table}\n\n${notes.map(note => `- ${note}`).join('\n')}\n`
  console.log(output)
  if (args.markdown)
    await writeFile(args.markdown, output)
  if (args.json) {
    await writeFile(args.json, `${JSON.stringify({
      date: new Date().toISOString(),
      notes,
      rows,
      results,
      pages,
    }, null, 2)}\n`)
  }
}

if (import.meta.main)
  runMain('bench', bench)
