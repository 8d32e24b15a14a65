import { resolve } from 'node:path'
import { ROOT } from './paths.ts'

/**
 * The fixture deck the machinery is tested on (print route, export, handout, public build, hosting,
 * offline): a few slides with notes, a click, an outside link, in-deck links and two sections. Its
 * headmatter makes the repository root its addon, so it has the real deck's setup, components and
 * Vite plugins; changing the real deck's wording changes nothing here.
 */
export const FIXTURE_ENTRY = resolve(ROOT, 'tests/fixtures/deck/slides.md')
