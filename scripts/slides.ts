// `npm run slides` (`./deck slides`): the running order, one line a slide: number, section, source
// file and line, title. "Where is slide 7?" takes one command.
// Usage: node scripts/slides.ts [ENTRY]
import type { Deck } from './lib/deck.ts'
import { loadDeck } from './lib/deck.ts'
import { runMain } from './lib/main.ts'

/** The running order as a plain-text table, columns padded to their widest cell. */
export function runningOrder(deck: Deck): string {
  const header = ['#', 'section', 'source', 'title']
  const rows = deck.slides.map(slide => [
    String(slide.number),
    slide.section ?? '',
    `${slide.file}:${slide.line}`,
    slide.title,
  ])
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map(row => row[i]!.length)))
  return [header, ...rows]
    .map(cells => cells.map((cell, i) => i === 0
      ? cell.padStart(widths[i]!)
      : cell.padEnd(widths[i]!)).join('  ').trimEnd())
    .join('\n')
}

if (import.meta.main) {
  runMain('slides', async (argv) => {
    console.log(runningOrder(await loadDeck(argv[0])))
  })
}
