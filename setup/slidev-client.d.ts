// Types for slidev-client.js: the part of Slidev 53's client the deck uses. Slide data types come
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

/** Slidev's click state for one slide; opaque to the deck. */
export interface ClicksContext {
  readonly current: number
  readonly total: number
}

/** Slidev's per-slide navigation object; only passed on to PrintSlideClick. */
export interface FixedNav {
  readonly clicksContext: Ref<ClicksContext>
}

export interface Nav {
  slides: Ref<SlideRoute[]>
  total: ComputedRef<number>
  currentSlideNo: ComputedRef<number>
  currentSlideRoute: ComputedRef<SlideRoute | undefined>
  clicks: ComputedRef<number>
  clicksTotal: ComputedRef<number>
  isPlaying: ComputedRef<boolean>
  isPresenter: ComputedRef<boolean>
  isPrintMode: ComputedRef<boolean>
  next: () => Promise<void>
  prev: () => Promise<void>
  go: (no: number | string, clicks?: number) => Promise<void>
}

/** Slidev's shared state (state/shared.ts), as much of it as the presenting relay reads. */
export interface SharedNavState {
  page: number
  clicks: number
  clicksTotal: number
  lastUpdate?: { id: string, type: 'presenter' | 'viewer', time: number }
}

export type SyncWrite = (state: SharedNavState, updating?: boolean) => void

/** Slidev's extension point for syncing state across windows and devices (state/syncState.ts). */
export interface Sync {
  init: (channelKey: string, onUpdate: (data: Partial<SharedNavState>) => void, state: SharedNavState, persist?: boolean) => SyncWrite | undefined
}

// Public API (@slidev/client)
export function useNav(): Nav
export function useDarkMode(): { isDark: WritableComputedRef<boolean> }
export function addSyncMethod(sync: Sync): void
/** The headmatter as Slidev resolved it, with the keys the deck adds that Slidev passes through. */
export const configs: SlidevConfig & { keywords?: string, titleTemplate: string, duration?: string | number }
export const slideWidth: ComputedRef<number>
export const slideHeight: ComputedRef<number>

// Internals (see slidev-client.js for why)
export function createFixedClicks(route: SlideRoute, current: number): ClicksContext
export function useFixedNav(route: SlideRoute, clicks: ClicksContext): FixedNav
export const CLICKS_MAX: number
export const injectionSlideScale: InjectionKey<Ref<number>>
export const showGotoDialog: Ref<boolean>
export const slides: Ref<SlideRoute[]>
export const PrintSlideClick: DefineComponent<{ nav: FixedNav }>
export const SlideWrapper: DefineComponent<{
  clicksContext: ClicksContext
  route: SlideRoute
  renderContext?: 'none' | 'slide' | 'overview' | 'presenter' | 'previewNext'
}>
