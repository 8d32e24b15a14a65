// `npm run export`: the slides as a PDF, one page per slide at the canvas size with every click
// revealed: the `slides` layout of the print route, printed by printPdf (scripts/lib/print.ts).
// Usage: node scripts/export.ts [--dist DIR] [--out PATH] [--base /] [--made YYYY-MM-DD] [--entry slides.md]
import { runMain } from './lib/main.ts'
import { printCommand } from './lib/print.ts'

if (import.meta.main)
  runMain('export', async argv => printCommand('slides', argv))
