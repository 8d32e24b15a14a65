import { defineShortcutsSetup } from '@slidev/types'
import { toggleBlank } from '../app/present/blank.ts'
import { togglePauseClock } from '../app/present/usePace.ts'

/**
 * Keys for presenting: a clicker's blank-screen key (`b` or `.`, as PowerPoint and Keynote have
 * it) and `p` to pause the pace clock for a question. PageDown and PageUp are Slidev's own.
 */
export default defineShortcutsSetup((_nav, base) => [
  ...base,
  { name: 'present_blank_b', key: 'b', fn: toggleBlank },
  { name: 'present_blank_period', key: '.', fn: toggleBlank },
  { name: 'present_pause', key: 'p', fn: togglePauseClock },
])
