import type { Plan } from '../../shared/pacing.ts'
import { relative } from 'node:path'
import { buildPlan } from '../../shared/pacing.ts'
import { DECK_ENTRY, DECK_ROOT, deckSlideFacts, loadDeck } from '../lib/deck.ts'

/**
 * The deck's pacing plan: each section's `budget:` from its first slide's frontmatter, checked
 * against the headmatter's `duration`. Throws a PlanError naming the file and field when they are
 * missing, malformed or do not add up; the build runs this (vite.config.ts), so a bad budget fails it.
 */
export async function loadPlan(entry: string = DECK_ENTRY): Promise<Plan> {
  const deck = await loadDeck(entry)
  return buildPlan(deck.slides.map(deckSlideFacts), deck.headmatter.raw.duration, relative(DECK_ROOT, deck.entry) || 'slides.md')
}
