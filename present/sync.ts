import type { Role } from './protocol.ts'
import type { SharedNavState } from './slidev.js'
import { ref, watch } from 'vue'
import { useRouter } from 'vue-router'
import { connectRelay, live, onServerMessage, relayPath, sayHelloAgain, sendCommand } from './connection.ts'
import { presentingKey } from './key.ts'
import { MAX_CLICKS } from './protocol.ts'
import { addSyncMethod, useNav } from './slidev.js'

/** Whether this audience view follows the presenter; a listener who browses away stops following until "Back to live". */
export const following = ref(true)

let followTo: ((page: number, clicks: number, clicksTotal: number) => void) | undefined

/** Back to where the presenter is. */
export function goLive(): void {
  following.value = true
  if (live.state)
    followTo?.(live.state.page, live.state.clicks, live.state.clicksTotal)
}

/**
 * Joins the deck to the relay through Slidev's own sync extension point (`addSyncMethod`): the
 * presenter's moves, which Slidev writes to its shared state, go to the relay with the key; the
 * relay's state comes back to every other view as a shared-state update, which Slidev's play view
 * follows as it follows a presenter window. Runs only on a page served by `./deck present`.
 */
export function installPresentSync(): void {
  if (!relayPath())
    return
  const nav = useNav()
  // Keep the key for this tab and take it out of the address bar (the router would put it back otherwise).
  if (presentingKey() !== undefined) {
    const router = useRouter()
    void router.isReady().then(() => {
      const here = router.currentRoute.value
      if (here.hash.includes('key='))
        void router.replace({ path: here.path, query: here.query, hash: '' })
    })
  }
  const role = (): Role => {
    if (window.location.pathname.endsWith('/remote'))
      return 'remote'
    return presentingKey() !== undefined && nav.isPresenter.value
      ? 'presenter'
      : 'audience'
  }
  let reported = ''
  let shared: SharedNavState | undefined

  function report(state: SharedNavState | undefined): void {
    if (!state || role() !== 'presenter')
      return
    // Slidev shows "all clicks" as a huge count for a moment when going back a slide: the relay wants real numbers.
    const clicksTotal = Math.min(Math.max(0, state.clicksTotal), MAX_CLICKS)
    const clicks = Math.min(Math.max(0, state.clicks), clicksTotal)
    const text = `${state.page}:${clicks}:${clicksTotal}`
    if (text !== reported && sendCommand({
      type: 'state',
      page: state.page,
      clicks,
      clicksTotal,
    })) {
      reported = text
    }
  }

  addSyncMethod({
    init(channelKey, onUpdate, state) {
      if (!channelKey.endsWith(' - shared'))
        return undefined
      shared = state
      followTo = (page, clicks, clicksTotal) => onUpdate({
        page,
        clicks,
        clicksTotal,
        lastUpdate: {
          id: 'present-relay',
          type: 'presenter',
          time: Date.now(),
        },
      })
      return (next, updating) => {
        shared = next
        if (!updating)
          report(next)
      }
    },
  })

  /** Positions the relay sent this view in the last moments: reaching one of them is following, anything else is the listener's own move. */
  const sent = new Map<string, number>()
  onServerMessage((message) => {
    if (message.type === 'welcome') {
      reported = ''
      report(shared)
    }
    if (message.type === 'command' && role() === 'presenter') {
      if (message.action === 'next')
        void nav.next()
      else if (message.action === 'prev')
        void nav.prev()
      else if (message.page !== undefined)
        void nav.go(message.page, message.clicks)
    }
    if ((message.type === 'state' || message.type === 'welcome') && role() === 'audience' && following.value) {
      const { page, clicks, clicksTotal } = message.state
      const target = `${page}:${clicks}`
      if (target !== `${nav.currentSlideNo.value}:${nav.clicks.value}`)
        sent.set(target, Date.now())
      followTo?.(page, clicks, clicksTotal)
    }
  })
  watch([nav.currentSlideNo, nav.clicks], ([no, clicks]) => {
    if (role() !== 'audience' || !nav.isPlaying.value)
      return
    for (const [position, time] of sent) {
      if (Date.now() - time > 3000)
        sent.delete(position)
    }
    const at = `${no}:${clicks}`
    const state = live.state
    if (state && `${state.page}:${state.clicks}` === at) {
      following.value = true
      sent.clear()
    }
    else if (sent.has(at)) {
      sent.delete(at)
    }
    else {
      following.value = false
    }
  })
  // Slidev counts a slide's clicks once it is mounted, after the move that Slidev's shared state reports.
  watch(nav.clicksTotal, (clicksTotal) => {
    if (shared && role() === 'presenter')
      report({ page: nav.currentSlideNo.value, clicks: nav.clicks.value, clicksTotal })
  })
  watch(nav.isPresenter, sayHelloAgain)
  connectRelay(role)
}
