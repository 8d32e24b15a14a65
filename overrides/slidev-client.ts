import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'

/**
 * Accessibility fixes to Slidev's own client UI (@slidev/client 53), made at build time so that the
 * published deck ships them and node_modules stays as installed. This is the one place that
 * explains them; each fails the build if the Slidev source it expects has changed, so an upgrade
 * cannot silently drop one.
 *
 * - MenuButton (the nav bar's "More options", the presenter's "Change sync settings", the
 *   recorder's device menu): Slidev's wraps its IconButton in another <button>, a button inside a
 *   button (axe `nested-interactive`, serious, on every slide and on the presenter). Imports of it
 *   from Slidev's internals resolve to overrides/MenuButton.vue, which keeps its props, v-model and
 *   slots and makes the slot's own button the toggle. Redirecting the import rather than
 *   patching text keeps the fix a plain, typed component; replacing the controls that use it
 *   (NavControls, SyncControls) would mean copying far more of Slidev.
 * - Goto (the go-to-slide dialog, key `g`): its text input has a placeholder but no accessible
 *   name; it gets an `aria-label`.
 * - NoteDisplay (speaker notes in the presenter and overview): a scrolling box with no focusable
 *   content cannot be scrolled from the keyboard (axe `scrollable-region-focusable`); it gets
 *   `tabindex="0"` (styles/recap.css gives it a focus ring in place of Slidev's `outline-none`).
 * - The overview's slide, click and word counts sit outside any landmark (axe `region`); they
 *   become a labelled complementary region.
 *
 * Slidev's faded UI text (`op50` and the like) is below WCAG AA contrast; styles/recap.css raises it.
 */

const INTERNALS = /[\\/]@slidev[\\/]client[\\/]internals[\\/][^\\/]+\.vue$/
const GOTO = /[\\/]@slidev[\\/]client[\\/]internals[\\/]Goto\.vue$/
const NOTE_DISPLAY = /[\\/]@slidev[\\/]client[\\/]internals[\\/]NoteDisplay\.vue$/
const OVERVIEW = /[\\/]@slidev[\\/]client[\\/]pages[\\/]overview\.vue$/

export const MENU_BUTTON = fileURLToPath(new URL('./MenuButton.vue', import.meta.url))

/** The accessible name of the go-to-slide input. */
export const GOTO_INPUT_LABEL = 'Go to slide (number or title)'

const GOTO_INPUT = /<input\s+id="slidev-goto-input"/

/** Goto.vue's source with a name on its input; throws if the input is not there as expected. */
export function nameGotoInput(source: string): string {
  if (!GOTO_INPUT.test(source))
    throw new Error('overrides/slidev-client.ts: @slidev/client Goto.vue no longer has <input id="slidev-goto-input">; revisit the fix')
  if (/id="slidev-goto-input"[^>]*aria-label=/.test(source))
    return source
  return source.replace(GOTO_INPUT, match => `${match}\n        aria-label="${GOTO_INPUT_LABEL}"`)
}

/** `source` with every `find` replaced; throws, naming `file`, if `find` is not there. */
export function patchSource(source: string, file: string, find: string, replace: string): string {
  if (!source.includes(find))
    throw new Error(`overrides/slidev-client.ts: @slidev/client ${file} no longer has \`${find}\`; revisit the fix`)
  return source.replaceAll(find, replace)
}

const NOTE_CLASS = 'class="prose dark:prose-invert overflow-auto outline-none'
const OVERVIEW_STATS = 'class="absolute z-2 top-0 right-0'

function withoutQuery(id: string): string {
  return id.replace(/\?.*$/, '')
}

export function slidevClientA11y(): Plugin {
  let menuButtonImports = 0
  return {
    name: 'recap:slidev-client-a11y',
    enforce: 'pre',
    buildStart() {
      menuButtonImports = 0
    },
    resolveId(source, importer) {
      if (source === './MenuButton.vue' && importer && INTERNALS.test(withoutQuery(importer))) {
        menuButtonImports += 1
        return MENU_BUTTON
      }
      return undefined
    },
    transform(code, id) {
      if (GOTO.test(id)) {
        return {
          code: nameGotoInput(code),
          map: null,
        }
      }
      if (NOTE_DISPLAY.test(id)) {
        return {
          code: patchSource(code, 'NoteDisplay.vue', NOTE_CLASS, `tabindex="0" ${NOTE_CLASS}`),
          map: null,
        }
      }
      if (OVERVIEW.test(id)) {
        return {
          code: patchSource(code, 'overview.vue', OVERVIEW_STATS, `role="complementary" aria-label="Deck statistics" ${OVERVIEW_STATS}`),
          map: null,
        }
      }
      return undefined
    },
    buildEnd(error) {
      if (!error && this.environment.config.command === 'build' && menuButtonImports === 0)
        this.error('overrides/slidev-client.ts: no import of Slidev\'s MenuButton.vue was redirected; revisit the fix')
    },
  }
}
