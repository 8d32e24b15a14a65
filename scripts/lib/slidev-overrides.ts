import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'

/**
 * Fixes to Slidev's own client (@slidev/client 53), made at build time so that the published deck
 * ships them and node_modules stays as installed: its UI's accessibility, and one unhandled error.
 * This is the one place that explains them; each fails the build if the Slidev source it expects
 * has changed, so an upgrade cannot silently drop one.
 *
 * - MenuButton (the nav bar's "More options", the presenter's "Change sync settings", the
 *   recorder's device menu): Slidev's wraps its IconButton in another <button>, a button inside a
 *   button (axe `nested-interactive`, serious, on every slide and on the presenter). Imports of it
 *   from Slidev's internals resolve to app/overrides/MenuButton.vue, which keeps its props, v-model and
 *   slots and makes the slot's own button the toggle. Redirecting the import rather than
 *   patching text keeps the fix a plain, typed component; replacing the controls that use it
 *   (NavControls, SyncControls) would mean copying far more of Slidev.
 * - FormSlider (the sliders in "More options": brightness, contrast, saturation, sepia, hue):
 *   Slidev's pairs a range input with a number box inside one <label>, which names only the first
 *   control; the number box had no accessible name (axe does not see this: it counts any <label>
 *   around a control). Imports of it from Slidev's internals resolve to app/overrides/FormSlider.vue,
 *   which names the box after the label ("Brightness value") and gives the range a focus ring.
 * - SegmentControl ("Cursor Style": Cursor | Laser, "Slide Scale": Fit | 1:1): its buttons sit in
 *   FormItem's <label>, which lends its whole text to the first one ("Slide Scale Fit 1:1", read out
 *   for the Fit button); each button gets its own option's name as `aria-label`.
 * - SelectList (the presenter's "Change sync settings" choices, the recorder's devices): its items
 *   are <div>s with a click handler only, out of reach of the keyboard and of no role. They become
 *   a radio group named by the list's title, as the ARIA radio group pattern has it: each item a
 *   `radio` with `aria-checked`, one tab stop (the checked item, else the first), the arrow keys
 *   moving to the next or previous item and choosing it, Enter or Space choosing as a click does
 *   (all kept from Slidev's shortcuts, where Space and the arrows would also move the slides).
 * - NavControls (the nav bar): when the pointer leaves the bar, Slidev blurs whatever in it has
 *   focus, so that a mouse user's next key goes to the slides again. The pointer also "leaves"
 *   when a menu closes from under it, so Escape in "More options" lost the focus that MenuButton
 *   gives back to its button. Focus that shows as keyboard focus (`:focus-visible`) stays.
 * - Goto (the go-to-slide dialog, key `g`): its text input has a placeholder but no accessible
 *   name; it gets an `aria-label`.
 * - NoteDisplay (speaker notes in the presenter and overview): a scrolling box with no focusable
 *   content cannot be scrolled from the keyboard (axe `scrollable-region-focusable`); it gets
 *   `tabindex="0"` (styles/recap.css gives it a focus ring in place of Slidev's `outline-none`).
 * - The presenter's timers (TimerBar, TimerInlined): a countdown of Slidev's own, which knows
 *   nothing of the pace clock of `./deck present`. They are tagged `data-recap-timer`, so that the
 *   pacing strip (app/present/PacingBar.vue), where it is shown, leaves one clock on screen.
 * - The overview's slide, click and word counts sit outside any landmark (axe `region`); they
 *   become a labelled complementary region.
 *
 * - useWakeLock (the slide show and the presenter keep the screen awake): the browser may refuse the
 *   wake lock (a deck embedded in an <iframe> without `allow="screen-wake-lock"`, a headless
 *   browser, a power-saving mode), and Slidev's request is not awaited, so every such load logged
 *   an uncaught "NotAllowedError: Wake Lock permission request denied". A refused wake lock only
 *   means the screen may sleep as usual: the refusal is caught.
 *
 * - setupPWA (the "Caching for offline…" notice): shown while the service worker installs, and taken
 *   down only by a worker's first install. Where a worker is active already (every visit after the
 *   first), nothing installs and the notice stayed up for good. Then nothing is being cached: the
 *   notice goes when the registration says so.
 *
 * Slidev's faded UI text (`op50` and the like) is below WCAG AA contrast; styles/recap.css raises it.
 */

const INTERNALS = /[\\/]@slidev[\\/]client[\\/]internals[\\/][^\\/]+\.vue$/
const GOTO = /[\\/]@slidev[\\/]client[\\/]internals[\\/]Goto\.vue$/
const SEGMENT_CONTROL = /[\\/]@slidev[\\/]client[\\/]internals[\\/]SegmentControl\.vue$/
const SELECT_LIST = /[\\/]@slidev[\\/]client[\\/]internals[\\/]SelectList\.vue$/
const NAV_CONTROLS = /[\\/]@slidev[\\/]client[\\/]internals[\\/]NavControls\.vue$/
const NOTE_DISPLAY = /[\\/]@slidev[\\/]client[\\/]internals[\\/]NoteDisplay\.vue$/
const OVERVIEW = /[\\/]@slidev[\\/]client[\\/]pages[\\/]overview\.vue$/
const PRESENTER = /[\\/]@slidev[\\/]client[\\/]pages[\\/]presenter\.vue$/
const WAKE_LOCK = /[\\/]@slidev[\\/]client[\\/]composables[\\/]useWakeLock\.ts$/
const PWA = /[\\/]@slidev[\\/]client[\\/]setup[\\/]pwa\.ts$/

export const MENU_BUTTON = fileURLToPath(new URL('../../app/overrides/MenuButton.vue', import.meta.url))
export const FORM_SLIDER = fileURLToPath(new URL('../../app/overrides/FormSlider.vue', import.meta.url))

/** Slidev's components, imported as `./Name.vue` from its internals, that resolve to one of ours instead. */
const REDIRECTS: Readonly<Record<string, string>> = {
  './MenuButton.vue': MENU_BUTTON,
  './FormSlider.vue': FORM_SLIDER,
}

/** The accessible name of the go-to-slide input. */
export const GOTO_INPUT_LABEL = 'Go to slide (number or title)'

const GOTO_INPUT = /<input\s+id="slidev-goto-input"/

/** Goto.vue's source with a name on its input; throws if the input is not there as expected. */
export function nameGotoInput(source: string): string {
  if (!GOTO_INPUT.test(source))
    throw new Error('scripts/lib/slidev-overrides.ts: @slidev/client Goto.vue no longer has <input id="slidev-goto-input">; revisit the fix')
  if (/id="slidev-goto-input"[^>]*aria-label=/.test(source))
    return source
  return source.replace(GOTO_INPUT, match => `${match}\n        aria-label="${GOTO_INPUT_LABEL}"`)
}

/** `source` with every `find` replaced; throws, naming `file`, if `find` is not there. */
export function patchSource(source: string, file: string, find: string, replace: string): string {
  if (!source.includes(find))
    throw new Error(`scripts/lib/slidev-overrides.ts: @slidev/client ${file} no longer has \`${find}\`; revisit the fix`)
  return source.replaceAll(find, replace)
}

const SEGMENT_PRESSED = ':aria-pressed="option.value === modelValue"'
const SELECT_ITEMS = '<div class="items">'
const SELECT_ITEM = ':class="{ active: value === item.value }"'
const SELECT_CHOOSE = '@click="() => { value = item.value; item.onClick?.() }"'
const NAV_BLUR_IF = 'root.value.contains(activeElement.value))'
const NOTE_CLASS = 'class="prose dark:prose-invert overflow-auto outline-none'
const OVERVIEW_STATS = 'class="absolute z-2 top-0 right-0'
const WAKE_LOCK_REQUEST = 'request(\'screen\')'
const PWA_REGISTERED = '// SW registered; caching is in progress until onOfflineReady fires'

function withoutQuery(id: string): string {
  return id.replace(/\?.*$/, '')
}

export function slidevClientFixes(): Plugin {
  const redirected = new Set<string>()
  return {
    name: 'recap:slidev-client-fixes',
    enforce: 'pre',
    buildStart() {
      redirected.clear()
    },
    resolveId(source, importer) {
      const target = REDIRECTS[source]
      if (target && importer && INTERNALS.test(withoutQuery(importer))) {
        redirected.add(source)
        return target
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
      if (SEGMENT_CONTROL.test(id)) {
        return {
          code: patchSource(code, 'SegmentControl.vue', SEGMENT_PRESSED, `${SEGMENT_PRESSED}\n      :aria-label="option.label"`),
          map: null,
        }
      }
      if (SELECT_LIST.test(id)) {
        let patched = patchSource(code, 'SelectList.vue', SELECT_ITEMS, '<div class="items" role="radiogroup" :aria-label="title">')
        patched = patchSource(patched, 'SelectList.vue', SELECT_CHOOSE, `${SELECT_CHOOSE}\n        @keydown.enter.space.prevent.stop="() => { value = item.value; item.onClick?.() }"`)
        patched = patchSource(patched, 'SelectList.vue', SELECT_CHOOSE, `${SELECT_CHOOSE}\n        @keydown.down.right.prevent.stop="(event: KeyboardEvent) => { const list = items ?? []; const to = list[(list.indexOf(item) + 1) % list.length]!; value = to.value; to.onClick?.(); ((event.currentTarget as HTMLElement).parentElement?.children[list.indexOf(to)] as HTMLElement | undefined)?.focus() }"\n        @keydown.up.left.prevent.stop="(event: KeyboardEvent) => { const list = items ?? []; const to = list[(list.indexOf(item) + list.length - 1) % list.length]!; value = to.value; to.onClick?.(); ((event.currentTarget as HTMLElement).parentElement?.children[list.indexOf(to)] as HTMLElement | undefined)?.focus() }"`)
        patched = patchSource(patched, 'SelectList.vue', SELECT_ITEM, `${SELECT_ITEM}\n        role="radio"\n        :tabindex="value === item.value || (!(items ?? []).some(other => other.value === value) && item === items?.[0]) ? 0 : -1"\n        :aria-checked="value === item.value"`)
        return {
          code: patched,
          map: null,
        }
      }
      if (NAV_CONTROLS.test(id)) {
        return {
          code: patchSource(code, 'NavControls.vue', NAV_BLUR_IF, 'root.value.contains(activeElement.value) && !activeElement.value.matches(\':focus-visible\'))'),
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
      if (PRESENTER.test(id)) {
        let patched = patchSource(code, 'pages/presenter.vue', '<TimerBar />', '<TimerBar data-recap-timer />')
        patched = patchSource(patched, 'pages/presenter.vue', '<TimerInlined />', '<TimerInlined data-recap-timer />')
        return {
          code: patched,
          map: null,
        }
      }
      if (PWA.test(id)) {
        return {
          code: patchSource(code, 'setup/pwa.ts', PWA_REGISTERED, `${PWA_REGISTERED}, unless a worker is active already with nothing new to install\n      if (_registration?.active && !_registration.installing && !_registration.waiting)\n        pwaCaching.value = false`),
          map: null,
        }
      }
      if (WAKE_LOCK.test(id)) {
        return {
          code: patchSource(code, 'composables/useWakeLock.ts', WAKE_LOCK_REQUEST, `${WAKE_LOCK_REQUEST}.catch(() => {})`),
          map: null,
        }
      }
      return undefined
    },
    buildEnd(error) {
      if (error || this.environment.config.command !== 'build')
        return
      const missing = Object.keys(REDIRECTS).filter(source => !redirected.has(source))
      if (missing.length > 0)
        this.error(`scripts/lib/slidev-overrides.ts: no import of Slidev's ${missing.join(', ')} was redirected; revisit the fix`)
    },
  }
}
