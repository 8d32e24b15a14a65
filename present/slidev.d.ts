// Types for slidev.js: the part of Slidev 53's public client API the presenting views use.
import type { ComputedRef, Ref } from 'vue'

export interface SlideRoute {
  no: number
  meta: {
    slide: {
      title?: string
      noteHTML?: string
      frontmatter: Record<string, unknown>
    }
  }
}

export interface Nav {
  slides: Ref<SlideRoute[]>
  total: ComputedRef<number>
  currentSlideNo: ComputedRef<number>
  clicks: ComputedRef<number>
  clicksTotal: ComputedRef<number>
  isPresenter: ComputedRef<boolean>
  isPlaying: ComputedRef<boolean>
  next: () => Promise<void>
  prev: () => Promise<void>
  go: (no: number | string, clicks?: number) => Promise<void>
}

/** Slidev's shared state (state/shared.ts), as much of it as the relay reads. */
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

export function addSyncMethod(sync: Sync): void
export function useNav(): Nav
export const configs: { title: string, duration?: string | number, [key: string]: unknown }
