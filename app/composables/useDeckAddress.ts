import type { ComputedRef } from 'vue'
import { computed, inject } from 'vue'
import { configs } from '../../setup/slidev-client.js'
import { live } from '../present/connection'
import { injectionSlidevContext } from './useFinalState'

const LOOPBACK = /^(?:localhost|127(?:\.\d+){3}|\[::1\])$/

function withSlash(url: string): string {
  return url.endsWith('/')
    ? url
    : `${url}/`
}

/**
 * Where the room opens `path` (relative to the deck's base, e.g. "read#21"), as an absolute URL for
 * a QR code on a slide; undefined when this copy knows no address a phone in the room could reach.
 * In order:
 * 1. under `./deck present`, the audience URL the relay gives every client (the meeting network);
 * 2. opened from this machine (localhost) or printed, the headmatter's `siteUrl`, where the deck is
 *    published, when set;
 * 3. otherwise the address the deck is opened at (a hosted deck); but never a loopback address in a
 *    print, which would lead nowhere from the paper.
 */
export function useDeckAddress(path: () => string): ComputedRef<string | undefined> {
  const slidev = inject(injectionSlidevContext, undefined)
  return computed(() => {
    if (live.audienceUrl)
      return new URL(path(), live.audienceUrl).href
    const site = String((configs as { siteUrl?: unknown }).siteUrl ?? '').trim()
    const local = typeof location === 'undefined' || LOOPBACK.test(location.hostname)
    const printed = slidev?.nav.isPrintMode === true
    if (site && (local || printed))
      return new URL(path(), withSlash(site)).href
    if (typeof location === 'undefined' || (local && printed))
      return undefined
    return new URL(path(), new URL(import.meta.env.BASE_URL, location.origin)).href
  })
}
