// `npm run bench:export`: how long the slides export and the handout take, against the last run
// recorded in docs/benchmarks-export.md. Builds the deck once, then prints the slides PDF and the
// handout (printPdf from scripts/lib/print.ts, layouts `slides` and `notes`) alternately, each in its
// own Chromium as `npm run export` and `npm run handout` do, and prints medians, sizes, the ratio
// between them and the change since the recorded run.
// Usage: node scripts/bench-export.ts [--runs 5] [--dist DIR] [--write-doc]
//   --write-doc  also writes the figures to docs/benchmarks-export.md, keeping the recorded ones as "before"
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { median } from '../shared/stats.ts'
import { writeFileAtomic } from './lib/atomic.ts'
import { resolveChromium } from './lib/browser.ts'
import { slidevBuild } from './lib/build.ts'
import { DECK_ROOT } from './lib/deck.ts'
import { runMain } from './lib/main.ts'
import { printPdf } from './lib/print.ts'

/** The targets the handout is held to: time and size relative to the slides export. */
export const TARGETS = { time: 1.5, size: 2 } as const

export const DOC = resolve(DECK_ROOT, 'docs/benchmarks-export.md')

export interface Sample {
  kind: 'slides' | 'handout'
  milliseconds: number
  bytes: number
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

/** The medians of the run recorded in the doc, in milliseconds, read from its table; none if unreadable. */
export interface Recorded {
  date?: string
  slidesMs?: number
  handoutMs?: number
}

export function readRecorded(doc: string): Recorded {
  const row = (label: string): number | undefined => {
    const match = new RegExp(`^\\| ${label} \\| ([\\d.]+) s \\|`, 'm').exec(doc)
    return match
      ? Number(match[1]) * 1000
      : undefined
  }
  return {
    date: /on (\d{4}-\d{2}-\d{2})/.exec(doc)?.[1],
    slidesMs: row('slides export'),
    handoutMs: row('handout'),
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`
function verdict(ratio: number, target: number): string {
  return ratio <= target
    ? `within the ${target}x target`
    : `over the ${target}x target`
}
/** The change against the recorded median: "0.18x of 17.32 s (faster)". */
function change(now: number, before: number | undefined): string {
  if (before === undefined)
    return 'no recorded run'
  const ratio = now / before
  return `${ratio.toFixed(2)}x of ${seconds(before)} (${ratio <= 1
    ? 'no regression'
    : 'slower: a regression'})`
}

export function formatTable(summary: Summary, recorded: Recorded = {}): string {
  return [
    '| | median time | runs (s) | size | against the recorded run |',
    '|---|---|---|---|---|',
    `| slides export | ${seconds(summary.slides.medianMs)} | ${summary.slides.timesMs.map(ms => (ms / 1000).toFixed(1)).join(', ')} | ${kib(summary.slides.bytes)} (${summary.slides.bytes} bytes) | ${change(summary.slides.medianMs, recorded.slidesMs)} |`,
    `| handout | ${seconds(summary.handout.medianMs)} | ${summary.handout.timesMs.map(ms => (ms / 1000).toFixed(1)).join(', ')} | ${kib(summary.handout.bytes)} (${summary.handout.bytes} bytes) | ${change(summary.handout.medianMs, recorded.handoutMs)} |`,
    `| handout / slides | ${summary.ratios.time.toFixed(2)}x (${verdict(summary.ratios.time, TARGETS.time)}) | | ${summary.ratios.size.toFixed(2)}x (${verdict(summary.ratios.size, TARGETS.size)}) | |`,
  ].join('\n')
}

function machine(): string {
  const cpu = cpus()
  const chromium = resolveChromium()
  return `${cpu.length} CPU (${cpu[0]?.model.trim() ?? 'unknown'}), load average ${loadavg().map(l => l.toFixed(1)).join(' / ')} at the end, Node ${process.version}, Chromium from ${chromium.origin}${chromium.executablePath
    ? ` (${chromium.executablePath})`
    : ''}`
}

export function formatDoc(summary: Summary, when: Date, about: string, recorded: Recorded): string {
  return `# Export benchmark: slides export and handout

Measured by \`npm run bench:export\` (scripts/bench-export.ts) on ${when.toISOString().slice(0, 10)}.

The deck is built once. Then the slides export and the handout alternate, ${summary.runs} runs each: both
are \`printPdf\` (scripts/lib/print.ts), the slides export with the print route's \`slides\` layout as
\`npm run export\` runs it, the handout with its \`notes\` layout (one slide per page with notes) as
\`npm run handout\` runs it. Each run launches its own Chromium, serves the build on loopback, prints the
route once, finishes the PDF with pdf-lib and writes it atomically, so a time is the whole command minus
the build. Sizes are of the written files. The last column compares each median with the run recorded
here before this one${recorded.date
  ? ` (${recorded.date})`
  : ''}: the regression check.

${formatTable(summary, recorded)}

Targets: no regression against the recorded run; handout time at most ${TARGETS.time}x the slides
export's, size at most ${TARGETS.size}x.

Since the print pipeline became one (the slides PDF is a layout of the handout's route, printed in one
tagged pass), the slides export no longer prints each slide on its own and merges the pages, which is
where most of its time went. The handout's size adds the notes' text, the cover, the appendix and its
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
  const recorded = existsSync(DOC)
    ? readRecorded(await readFile(DOC, 'utf8'))
    : {}
  console.log(`recorded: slides ${recorded.slidesMs === undefined
    ? 'none'
    : seconds(recorded.slidesMs)}, handout ${recorded.handoutMs === undefined
    ? 'none'
    : seconds(recorded.handoutMs)}${recorded.date
    ? ` (${recorded.date}, ${relative(process.cwd(), DOC)})`
    : ''}`)

  const work = await mkdtemp(join(tmpdir(), 'recap-bench-'))
  try {
    let distDir = values.dist === undefined
      ? undefined
      : resolve(values.dist)
    if (distDir === undefined) {
      distDir = join(work, 'dist')
      console.log(`build: building the deck into ${distDir}`)
      await slidevBuild(['--out', distDir])
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
        await printPdf({
          layout: kind === 'slides'
            ? 'slides'
            : 'notes',
          distDir,
          out,
        })
        const milliseconds = performance.now() - started
        const bytes = (await readFile(out)).length
        samples.push({ kind, milliseconds, bytes })
        console.log(`run ${run}/${runs} ${kind}: ${seconds(milliseconds)}, ${kib(bytes)}`)
      }
    }

    const summary = summarise(samples)
    console.log('')
    console.log(formatTable(summary, recorded))
    console.log('')
    console.log(`median: slides ${seconds(summary.slides.medianMs)} (${change(summary.slides.medianMs, recorded.slidesMs)}), handout ${seconds(summary.handout.medianMs)} (${change(summary.handout.medianMs, recorded.handoutMs)}); time ratio ${summary.ratios.time.toFixed(2)} (target <= ${TARGETS.time}), size ratio ${summary.ratios.size.toFixed(2)} (target <= ${TARGETS.size})`)
    if (values['write-doc']) {
      await writeFileAtomic(DOC, new TextEncoder().encode(formatDoc(summary, new Date(), machine(), recorded)))
      console.log(`wrote ${relative(process.cwd(), DOC)}`)
    }
  }
  finally {
    await rm(work, { recursive: true, force: true })
  }
}

if (import.meta.main)
  runMain('bench:export', main)
