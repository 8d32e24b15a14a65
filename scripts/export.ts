// `npm run export`: the slides as a PDF, one page per slide at the canvas size with every click
// revealed: the `slides` layout of the print route, printed by printPdf (scripts/lib/print.ts).
// Usage: node scripts/export.ts [--dist DIR] [--out PATH] [--base /] [--made YYYY-MM-DD] [--entry slides.md]
import process from 'node:process'
import { printCli } from './lib/print.ts'

if (import.meta.main)
  await printCli('export', 'slides', process.argv.slice(2))
