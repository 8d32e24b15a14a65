// Types for slidev.js: the part of Slidev 53's client the handout route uses. Slide data types come
// from @slidev/types, Slidev's published type package.
import type { SlideInfo, SlidevConfig, SlideRoute as SlidevSlideRoute } from '@slidev/types'
import type { ComputedRef, DefineComponent, InjectionKey, Ref, WritableComputedRef } from 'vue'

/**
 * A slide's route, with the slide info Slidev's client keeps in its meta (declared by the client's
 * shim-vue.d.ts, which cannot be loaded outside Slidev's build).
 */
export type SlideRoute = Omit<SlidevSlideRoute, 'meta'> & {
  meta: { slide: Omit<SlideInfo, 'source'> & { noteHTML?: string } }
}

/** Slidev's click state for one slide; opaque to the handout. */
export interface ClicksContext {
  readonly current: number
  readonly total: number
}

/** Slidev's per-slide navigation object; the handout only passes it to PrintSlideClick. */
export interface FixedNav {
  readonly clicksContext: Ref<ClicksContext>
}

// Public API (@slidev/client)
export function useNav(): { slides: Ref<SlideRoute[]> }
export function useDarkMode(): { isDark: WritableComputedRef<boolean> }
/** The headmatter as Slidev resolved it, with the keys the deck adds that Slidev passes through. */
export const configs: SlidevConfig & { keywords?: string }
export const slideWidth: ComputedRef<number>
export const slideHeight: ComputedRef<number>

// Internals (see slidev.js for why)
export function createFixedClicks(route: SlideRoute, current: number): ClicksContext
export function useFixedNav(route: SlideRoute, clicks: ClicksContext): FixedNav
export const CLICKS_MAX: number
export const injectionSlideScale: InjectionKey<Ref<number>>
export const PrintSlideClick: DefineComponent<{ nav: FixedNav }>
