// `npm run handout`: the A4 handout as a PDF, one slide per page with its speaker notes, or three
// slides a page with `--layout 3up`: layouts of the print route, printed by printPdf (scripts/lib/print.ts).
// With a meeting's questions (`./deck present`) printed under their slides and on closing pages:
// `--questions FILE` (a session's questions.jsonl or `./deck questions --json`); by default the last
// session's (.present/questions.jsonl) when there is one; `--no-questions` leaves them out.
// Usage: node scripts/handout.ts [--layout notes|3up|slides] [--dist DIR] [--out PATH] [--base /] [--made YYYY-MM-DD] [--entry slides.md] [--questions FILE | --no-questions]
import { runMain } from './lib/main.ts'
import { printCommand } from './lib/print.ts'

if (import.meta.main)
  runMain('handout', async argv => printCommand('notes', argv))
