// "The whole deck on one page": the print route (/handout, which prints the slides PDF and the
// handouts) and the reader (/read) both mount every shown slide on one page. This is their one way
// to load the slides, to know when the page has drawn them, and to keep paper white.
import type { Ref } from 'vue'
import { nextTick, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useDarkMode } from '../../setup/slidev-client.js'
import { until } from './until'

const DRAW_TIMEOUT_MS = 30_000

export interface WholeDeckOptions {
  /** The routes of the slides the page shows, in running order. */
  routes: () => readonly { load: () => Promise<unknown> }[]
  /**
   * 'at-once': every slide mounts when all have loaded (the print route, which lays out sheets).
   * 'in-order': each mounts, in running order, in a task of its own as soon as it and the ones before
   * it have loaded, so that the first ones show early and the main thread is never blocked for long
   * (the reader: on a phone, mounting the whole deck at once takes seconds).
   */
  mount: 'at-once' | 'in-order'
  /**
   * 'always': the page is light whatever the deck's colour scheme, and stays so when the system's
   * scheme changes while it is open (the print route: paper is white). 'print': light while it
   * prints, the screen's scheme otherwise (the reader).
   */
  paper: 'always' | 'print'
}

export interface WholeDeck {
  /** How many of the slides, in running order, may be on the page. */
  mounted: Ref<number>
  /** Whether every slide's code has loaded and every slide may be on the page. */
  loaded: Ref<boolean>
  /** Loads every slide's code (all at once) and lets the slides mount as `mount` says. */
  mountAll: () => Promise<void>
  /**
   * Resolves once `count` elements match `drawn` under `root` (a slide that rendered its layout),
   * counting `failed()` slides that never will (their component threw), the fonts are in and a
   * frame has been laid out (charts that lay themselves out for their width do so once measured).
   */
  whenDrawn: (root: ParentNode, drawn: string, count: number, what: string, failed?: () => number) => Promise<void>
}

function nextTask(): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, 0))
}

function nextFrame(): Promise<void> {
  return new Promise(resolve => requestAnimationFrame(() => resolve()))
}

export function useWholeDeck(options: WholeDeckOptions): WholeDeck {
  const mounted = ref(0)
  const loaded = ref(false)
  const { isDark } = useDarkMode()
  const html = document.documentElement

  /** The page in the light scheme (Slidev's `dark` and `light` classes on <html>), or in the deck's. */
  function scheme(light: boolean): void {
    const dark = !light && isDark.value
    html.classList.toggle('dark', dark)
    html.classList.toggle('light', !dark)
  }
  const lightForPrint = (): void => scheme(true)
  const screenAfterPrint = (): void => scheme(false)

  if (options.paper === 'always') {
    // Slidev sets the classes from the system's scheme as it changes: after it, light again.
    watch(isDark, () => scheme(true), { flush: 'post' })
  }

  onMounted(() => {
    if (options.paper === 'always') {
      scheme(true)
    }
    else {
      window.addEventListener('beforeprint', lightForPrint)
      window.addEventListener('afterprint', screenAfterPrint)
    }
  })

  onBeforeUnmount(() => {
    window.removeEventListener('beforeprint', lightForPrint)
    window.removeEventListener('afterprint', screenAfterPrint)
    scheme(false)
  })

  async function mountAll(): Promise<void> {
    const routes = options.routes()
    // Every slide's code is fetched at once.
    const loads = routes.map(route => route.load())
    if (options.mount === 'at-once') {
      await Promise.all(loads)
      mounted.value = routes.length
    }
    else {
      for (const [index, load] of loads.entries()) {
        await load
        mounted.value = index + 1
        await nextTick()
        await nextTask()
      }
    }
    loaded.value = true
    await nextTick()
  }

  async function whenDrawn(root: ParentNode, drawn: string, count: number, what: string, failed: () => number = () => 0): Promise<void> {
    await until(() => root.querySelectorAll(drawn).length + failed() >= count, root, DRAW_TIMEOUT_MS, what)
    await document.fonts.ready
    await nextFrame()
    await nextFrame()
  }

  return { mounted, loaded, mountAll, whenDrawn }
}
