// `npm run handout`: the A4 handout as a PDF, one slide per page with its speaker notes, or three
// slides a page with `--layout 3up`: layouts of the print route, printed by printPdf (scripts/lib/print.ts).
// Usage: node scripts/handout.ts [--layout notes|3up|slides] [--dist DIR] [--out PATH] [--base /] [--made YYYY-MM-DD] [--entry slides.md]
import { runMain } from './lib/main.ts'
import { printCommand } from './lib/print.ts'

if (import.meta.main)
  runMain('handout', async argv => printCommand('notes', argv))
