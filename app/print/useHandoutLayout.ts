// The print route's work in the browser: mount every slide, measure (appendix pages, notes that must
// shrink, sheets that overflow), collect the errors slides throw, and publish the result on a window
// global and <html data-handout> for printPdf (scripts/lib/print.ts) to wait on.
import type { ComponentInternalInstance, InjectionKey, Ref, ShallowRef } from 'vue'
import type { SlideRoute } from '../../setup/slidev-client.js'
import type { HandoutLayout, HandoutManifest, HandoutState, SlideError } from '../../shared/print-model'
import { useStyleTag } from '@vueuse/core'
import { computed, getCurrentInstance, nextTick, onBeforeUnmount, onMounted, ref } from 'vue'
import { slideHeight, slideWidth } from '../../setup/slidev-client.js'
import { errorMessage } from '../../shared/errors.ts'
import { HANDOUT_GLOBAL, isHandout, pageRules, paginate } from '../../shared/print-model'
import { useWholeDeck } from '../composables/useWholeDeck'
import { blockHeights, overflows, shrinkToFit } from './dom'

/** Notes start at this size and shrink, if they must, down to the minimum. */
const NOTES_PT = 10.5
const NOTES_MIN_PT = 8

/** What a slide's wrapper (HandoutSlide.vue) tells the route: which component is which slide, and what it threw. */
export interface SlideErrorSink {
  /** Marks the calling component (a slide's wrapper) as slide `no`, so what its components log is theirs. */
  register: (no: number) => void
  report: (error: SlideError) => void
}

export const injectionSlideErrors: InjectionKey<SlideErrorSink> = Symbol('handout-slide-errors')

export interface HandoutLayoutOptions {
  layout: Readonly<Ref<HandoutLayout>>
  routes: Readonly<Ref<SlideRoute[]>>
  /** How many slides the route shows (hidden ones left out). */
  shown: () => number
  /** The talks on each appendix page, as indices into data/talks.ts; set here once measured. */
  appendixPages: Ref<number[][]>
  root: Readonly<ShallowRef<HTMLElement | null>>
  /** The hidden copy of the appendix the talks are measured in, while `measuring`. */
  measure: Readonly<ShallowRef<HTMLElement | null>>
  /** The manifest for the page plan as laid out. */
  manifest: () => HandoutManifest
}

function publish(state: HandoutState): void {
  ;(window as unknown as Record<string, unknown>)[HANDOUT_GLOBAL] = state
  document.documentElement.dataset.handout = state.status
}

export function useHandoutLayout(options: HandoutLayoutOptions) {
  const { layout, root, measure, appendixPages } = options
  const measuring = ref(false)
  const slideErrors: SlideError[] = []
  // Paper is white: the route prints light whatever the deck's colour scheme is on screen.
  const { loaded, mountAll, whenDrawn } = useWholeDeck({
    routes: () => options.routes.value,
    mount: 'at-once',
    paper: 'always',
  })

  function report(error: SlideError): void {
    if (!slideErrors.some(e => e.slide === error.slide && e.message === error.message))
      slideErrors.push(error)
  }

  const slideOf = new WeakMap<ComponentInternalInstance, number>()
  function register(no: number): void {
    const instance = getCurrentInstance()
    if (instance)
      slideOf.set(instance, no)
  }

  // What a slide's components log with console.error while they set up or render (Vue runs those
  // synchronously, with the component as the current instance) is that slide's error too. Errors
  // logged later, from timers or promises, have no instance: printPdf still sees them in the console.
  const consoleError = console.error
  function attributedConsoleError(...args: unknown[]): void {
    for (let instance = getCurrentInstance(); instance; instance = instance.parent) {
      const no = slideOf.get(instance)
      if (no !== undefined) {
        report({
          slide: no,
          message: args.map(errorMessage).join(' '),
        })
        break
      }
    }
    consoleError.apply(console, args)
  }
  console.error = attributedConsoleError

  /** Splits the talks over as many appendix pages as they need, measured in this browser with its fonts. */
  async function paginateAppendix(): Promise<void> {
    measuring.value = true
    await nextTick()
    const box = measure.value
    const body = root.value?.querySelector<HTMLElement>('.handout-sheet--appendix .handout-sheet-body')
    if (!box || !body)
      throw new Error('handout: nothing to measure the appendix with')
    const heading = box.querySelector<HTMLElement>('.handout-talks-heading')
    const blocks = [
      ...box.querySelectorAll<HTMLElement>('[data-talk]'),
    ]
    const headingHeight = heading
      ? blockHeights([heading])[0]!
      : 0
    const room = body.clientHeight
    appendixPages.value = paginate(blockHeights(blocks), room - headingHeight, room)
    measuring.value = false
    await nextTick()
  }

  /** Shrinks notes that would run off their page; returns the slides whose notes still do not fit. */
  function fitNotes(): number[] {
    const overflow: number[] = []
    for (const box of root.value?.querySelectorAll<HTMLElement>('[data-notes-for]') ?? []) {
      const content = box.firstElementChild
      if (!(content instanceof HTMLElement))
        continue
      if (!shrinkToFit(box, content, NOTES_PT, NOTES_MIN_PT))
        overflow.push(Number(box.dataset.notesFor))
    }
    return overflow
  }

  async function layOut(): Promise<void> {
    await mountAll()
    const shown = options.shown()
    const rootElement = root.value
    if (!rootElement)
      throw new Error('handout: the route did not mount')
    // A slide whose component threw renders nothing, so wait for the rest and report it.
    await whenDrawn(rootElement, '.handout-slide .slidev-layout', shown, `${shown} slides of the handout to render`, () => new Set(slideErrors.map(e => e.slide)).size)
    if (isHandout(layout.value)) {
      await paginateAppendix()
      await document.fonts.ready
    }
    const overflow = fitNotes()
    for (const body of rootElement.querySelectorAll<HTMLElement>('.handout-sheet-body')) {
      if (overflows(body))
        throw new Error(`handout: page ${body.closest<HTMLElement>('[data-page]')?.dataset.page} overflows its sheet`)
    }
    publish({
      status: 'ready',
      manifest: options.manifest(),
      overflow,
      slideErrors,
    })
  }

  // Added to the head on mount, last, so that it wins over the slide-sized @page Slidev sets in print mode (?print).
  useStyleTag(computed(() => pageRules(layout.value, { width: slideWidth.value, height: slideHeight.value })), { id: 'handout-page' })

  onMounted(() => {
    const html = document.documentElement
    html.classList.add('handout')
    delete html.dataset.handout
    layOut().catch((error: unknown) => {
      const message = errorMessage(error)
      console.error(message)
      publish({ status: 'error', error: message, slideErrors })
    })
  })

  onBeforeUnmount(() => {
    if (console.error === attributedConsoleError)
      console.error = consoleError
    const html = document.documentElement
    html.classList.remove('handout')
    delete html.dataset.handout
    delete (window as unknown as Record<string, unknown>)[HANDOUT_GLOBAL]
  })

  const slideErrorSink: SlideErrorSink = { register, report }
  return { loaded, measuring, slideErrors: slideErrorSink }
}
