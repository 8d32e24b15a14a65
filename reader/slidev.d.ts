// Types for slidev.js: the part of Slidev 53's client the reader uses.
import type { DefineComponent, Ref } from 'vue'

export interface SlideInfo {
  no: number
  title?: string
  noteHTML?: string
  frontmatter: Record<string, unknown>
}

export interface SlideRoute {
  no: number
  meta: { slide: SlideInfo }
  /** Loads the slide's component module (cached by Slidev). */
  load: () => Promise<unknown>
}

/** Slidev's click state for one slide; opaque to the reader. */
export interface ClicksContext {
  readonly current: number
  readonly total: number
}

export interface SlidevConfigs {
  title: string
  htmlAttrs?: Record<string, string>
  [key: string]: unknown
}

export function createFixedClicks(route: SlideRoute, current: number): ClicksContext
export function useNav(): { slides: Ref<SlideRoute[]> }
export const CLICKS_MAX: number
export const configs: SlidevConfigs
export const showGotoDialog: Ref<boolean>
export const SlideWrapper: DefineComponent<{
  clicksContext: ClicksContext
  route: SlideRoute
  renderContext?: 'none' | 'slide' | 'overview' | 'presenter' | 'previewNext'
}>
