// The one build runner is scripts/lib/build.ts; tests import it from here.
export { buildDeck } from '../../scripts/lib/build.ts'
