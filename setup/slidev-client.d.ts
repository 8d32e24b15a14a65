// Types for slidev-client.js: the part of @slidev/client 53's public API the setup files use.
import type { ComputedRef, Ref } from 'vue'

export interface NavSlideRoute {
  no: number
  meta: { slide?: { title?: string } }
}

export interface Nav {
  slides: Ref<NavSlideRoute[]>
  total: ComputedRef<number>
  currentSlideNo: ComputedRef<number>
  currentSlideRoute: ComputedRef<NavSlideRoute | undefined>
  isPlaying: ComputedRef<boolean>
  isPresenter: ComputedRef<boolean>
  isPrintMode: ComputedRef<boolean>
}

export interface SlidevConfigs {
  /** The deck's title, from the headmatter. */
  title: string
  /** The headmatter's `titleTemplate`, e.g. "%s · Tokyo 2015 recap". */
  titleTemplate: string
  [key: string]: unknown
}

export function useNav(): Nav
export const configs: SlidevConfigs
