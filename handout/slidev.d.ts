// Types for slidev.js: the part of Slidev 53's client API the handout uses.
import type { DefineComponent, InjectionKey, Ref, WritableComputedRef } from 'vue'

export interface SlideInfo {
  no: number
  title?: string
  level?: number
  noteHTML?: string
  frontmatter: Record<string, unknown>
}

export interface SlideRoute {
  no: number
  meta: { slide: SlideInfo }
  /** Loads the slide's component module (cached by Slidev). */
  load: () => Promise<unknown>
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

export interface SlidevConfigs {
  title: string
  author?: string
  info?: string | boolean
  keywords?: string
  exportFilename?: string | null
  htmlAttrs?: Record<string, string>
  [key: string]: unknown
}

export function createFixedClicks(route: SlideRoute, current: number): ClicksContext
export function useFixedNav(route: SlideRoute, clicks: ClicksContext): FixedNav
export function useNav(): { slides: Ref<SlideRoute[]> }
export const CLICKS_MAX: number
export const injectionSlideScale: InjectionKey<Ref<number>>
export const configs: SlidevConfigs
export const slideWidth: Ref<number>
export const slideHeight: Ref<number>
export const isDark: WritableComputedRef<boolean>
export const PrintSlideClick: DefineComponent<{ nav: FixedNav }>
