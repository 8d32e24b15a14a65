import { mkdtemp, readFile, rm } from 'node:fs/promises'
// `npm run bench:export`: how the handout compares with the slides export. Builds the deck once, then
// runs the slides export (scripts/export.ts) and the handout (scripts/handout.ts) alternately, each in
// its own Chromium as `npm run export` and `npm run handout` do, and prints medians, sizes and ratios.
// Usage: node scripts/bench-export.ts [--runs 5] [--dist DIR] [--write-doc]
//   --write-doc  also writes the figures to docs/benchmarks-export.md
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { exportSlidesPdf } from './export.ts'
import { buildDeck, exportHandoutPdf } from './handout.ts'
import { writeFileAtomic } from './lib/atomic.ts'
import { resolveChromium } from './lib/browser.ts'
import { DECK_ROOT } from './lib/deck.ts'

/** The targets the handout is held to: time and size relative to the slides export. */
export const TARGETS = { time: 1.5, size: 2 } as const

export const DOC = resolve(DECK_ROOT, 'docs/benchmarks-export.md')

export interface Sample {
  kind: 'slides' | 'handout'
  milliseconds: number
  bytes: number
}

export function median(values: readonly number[]): number {
  if (values.length === 0)
    throw new RangeError('median of nothing')
  const sorted = values.toSorted((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export interface Summary {
  runs: number
  slides: { medianMs: number, bytes: number, timesMs: number[] }
  handout: { medianMs: number, bytes: number, timesMs: number[] }
  ratios: { time: number, size: number }
}

export function summarise(samples: readonly Sample[]): Summary {
  const of = (kind: Sample['kind']) => {
    const mine = samples.filter(s => s.kind === kind)
    return {
      medianMs: median(mine.map(s => s.milliseconds)),
      bytes: median(mine.map(s => s.bytes)),
      timesMs: mine.map(s => s.milliseconds),
    }
  }
  const slides = of('slides')
  const handout = of('handout')
  return {
    runs: Math.min(slides.timesMs.length, handout.timesMs.length),
    slides,
    handout,
    ratios: {
      time: handout.medianMs / slides.medianMs,
      size: handout.bytes / slides.bytes,
    },
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`
function verdict(ratio: number, target: number): string {
  return ratio <= target
    ? `within the ${target}x target`
    : `over the ${target}x target`
}

export function formatTable(summary: Summary): string {
  return [
    '| | median time | runs (s) | size |',
    '|---|---|---|---|',
    `| slides export | ${seconds(summary.slides.medianMs)} | ${summary.slides.timesMs.map(ms => (ms / 1000).toFixed(1)).join(', ')} | ${kib(summary.slides.bytes)} (${summary.slides.bytes} bytes) |`,
    `| handout | ${seconds(summary.handout.medianMs)} | ${summary.handout.timesMs.map(ms => (ms / 1000).toFixed(1)).join(', ')} | ${kib(summary.handout.bytes)} (${summary.handout.bytes} bytes) |`,
    `| handout / slides | ${summary.ratios.time.toFixed(2)}x (${verdict(summary.ratios.time, TARGETS.time)}) | | ${summary.ratios.size.toFixed(2)}x (${verdict(summary.ratios.size, TARGETS.size)}) |`,
  ].join('\n')
}

function machine(): string {
  const cpu = cpus()
  const chromium = resolveChromium()
  return `${cpu.length} CPU (${cpu[0]?.model.trim() ?? 'unknown'}), load average ${loadavg().map(l => l.toFixed(1)).join(' / ')} at the end, Node ${process.version}, Chromium from ${chromium.origin}${chromium.executablePath
    ? ` (${chromium.executablePath})`
    : ''}`
}

export function formatDoc(summary: Summary, when: Date, about: string): string {
  return `# Export benchmark: handout against slides

Measured by \`npm run bench:export\` (scripts/bench-export.ts) on ${when.toISOString().slice(0, 10)}.

The deck is built once. Then the slides export (\`exportSlidesPdf\` from scripts/export.ts, as
\`npm run export\` runs it) and the handout (\`exportHandoutPdf\` from scripts/handout.ts, one slide per page
with notes, as \`npm run handout\` runs it) alternate, ${summary.runs} runs each. Each run launches its own
Chromium, serves the build on loopback, prints, post-processes with pdf-lib and writes its PDF atomically,
so a time is the whole command minus the build. Sizes are of the written files.

${formatTable(summary)}

Targets: handout time at most ${TARGETS.time}x the slides export's, size at most ${TARGETS.size}x.

When this was measured, the slides export printed each slide on its own (one \`page.pdf\` per slide,
then merged the pages with pdf-lib), while the handout is one document laid out by its route and printed
with a single \`page.pdf\` call. The handout's size adds the notes' text, the cover, the appendix and its
QR codes (vector paths) to the same slides and fonts.

Machine: ${about}. The figures move with the machine's load (other builds and tests share it); compare
the ratios, which are taken from medians of interleaved runs, rather than the absolute times.

## Reproduce

\`\`\`sh
./deck bench:export                         # brings Node 24 and Chromium when missing; 5 runs each
npm run bench:export -- --runs 9 --write-doc # more runs, and rewrite this file
npm run bench:export -- --dist dist         # reuse an existing build instead of building
\`\`\`
`
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'runs': { type: 'string', default: '5' },
      'dist': { type: 'string' },
      'write-doc': { type: 'boolean', default: false },
    },
  })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a whole number of at least 1, not "${values.runs}"`)

  const work = await mkdtemp(join(tmpdir(), 'recap-bench-'))
  try {
    let distDir = values.dist === undefined
      ? undefined
      : resolve(values.dist)
    if (distDir === undefined) {
      distDir = join(work, 'dist')
      console.log(`build: building the deck into ${distDir}`)
      await buildDeck(distDir)
    }
    else {
      console.log(`build: using the build in ${distDir}`)
    }

    const samples: Sample[] = []
    for (let run = 1; run <= runs; run++) {
      // Alternate which goes first, so neither always runs on a warmer machine.
      const order: Sample['kind'][] = run % 2 === 1
        ? ['slides', 'handout']
        : ['handout', 'slides']
      for (const kind of order) {
        const out = join(work, `${kind}-${run}.pdf`)
        const started = performance.now()
        if (kind === 'slides')
          await exportSlidesPdf({ distDir, out })
        else
          await exportHandoutPdf({ distDir, out })
        const milliseconds = performance.now() - started
        const bytes = (await readFile(out)).length
        samples.push({ kind, milliseconds, bytes })
        console.log(`run ${run}/${runs} ${kind}: ${seconds(milliseconds)}, ${kib(bytes)}`)
      }
    }

    const summary = summarise(samples)
    console.log('')
    console.log(formatTable(summary))
    console.log('')
    console.log(`median: slides ${seconds(summary.slides.medianMs)}, handout ${seconds(summary.handout.medianMs)}; time ratio ${summary.ratios.time.toFixed(2)} (target <= ${TARGETS.time}), size ratio ${summary.ratios.size.toFixed(2)} (target <= ${TARGETS.size})`)
    if (values['write-doc']) {
      await writeFileAtomic(DOC, new TextEncoder().encode(formatDoc(summary, new Date(), machine())))
      console.log(`wrote ${relative(process.cwd(), DOC)}`)
    }
  }
  finally {
    await rm(work, { recursive: true, force: true })
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    const message = error instanceof Error
      ? error.message
      : String(error)
    console.error(`bench:export failed: ${message.split('\n')[0]}`)
    process.exitCode = 1
  })
}
