import type { Role } from '../../shared/protocol.ts'
import { ref, watch } from 'vue'
import { useRouter } from 'vue-router'
import { addSyncMethod, useNav } from '../../setup/slidev-client.js'
import { MAX_CLICKS } from '../../shared/protocol.ts'
import { connectRelay, live, onServerMessage, relayPath, sayHelloAgain, sendCommand } from './connection.ts'
import { pairingCode, presentingKey } from './key.ts'

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
 * Joins the deck to the relay. The presenter view's position goes to the relay with the key; the
 * relay's position comes back to every other view through Slidev's own sync extension point
 * (`addSyncMethod`) as a shared-state update, which Slidev's play view follows as it follows a
 * presenter window. Runs only on a page served by `./deck present`.
 */
export function installPresentSync(): void {
  if (!relayPath())
    return
  const nav = useNav()
  // Keep the key (or the remote's pairing code) for this tab and take it out of the address bar (the router would put it back otherwise).
  if (presentingKey() !== undefined || pairingCode() !== undefined) {
    const router = useRouter()
    void router.isReady().then(() => {
      const here = router.currentRoute.value
      if (/(?:key|pair)=/.test(here.hash))
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

  /** Where the presenter view is, told to the relay: its own route is the truth, however it got there. */
  function report(): void {
    if (role() !== 'presenter')
      return
    // Slidev shows "all clicks" as a huge count for a moment when going back a slide: the relay wants real numbers.
    const clicksTotal = Math.min(Math.max(0, nav.clicksTotal.value), MAX_CLICKS)
    const clicks = Math.min(Math.max(0, nav.clicks.value), clicksTotal)
    const page = nav.currentSlideNo.value
    const text = `${page}:${clicks}:${clicksTotal}`
    if (text !== reported && sendCommand({
      type: 'state',
      page,
      clicks,
      clicksTotal,
    })) {
      reported = text
    }
  }

  // Followers take the relay's position as Slidev's shared state, which Slidev's play view follows.
  addSyncMethod({
    init(channelKey, onUpdate) {
      if (channelKey.endsWith(' - shared')) {
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
      }
      return undefined
    },
  })

  /** Positions the relay sent this view in the last moments: reaching one of them is following, anything else is the listener's own move. */
  const sent = new Map<string, number>()
  const here = (): string => `${nav.currentSlideNo.value}:${nav.clicks.value}`
  const relayPosition = (): string | undefined => live.state && `${live.state.page}:${live.state.clicks}`
  /**
   * A move the relay did not ask for is the listener's own, unless the relay says the same within a
   * moment: the projector window follows the presenter window through Slidev's own channel, a little
   * before the relay's word arrives, and must not drop out of "live" for that.
   */
  let diverging: ReturnType<typeof setTimeout> | undefined
  onServerMessage((message) => {
    if (message.type === 'welcome') {
      reported = ''
      report()
    }
    if (message.type === 'command' && role() === 'presenter') {
      if (message.action === 'next')
        void nav.next()
      else if (message.action === 'prev')
        void nav.prev()
      else if (message.page !== undefined)
        void nav.go(message.page, message.clicks)
    }
    if ((message.type === 'state' || message.type === 'welcome') && role() === 'audience') {
      const { page, clicks, clicksTotal } = message.state
      const target = `${page}:${clicks}`
      if (target === here()) {
        // Already there (the projector window moved with the presenter window in the same browser).
        following.value = true
        clearTimeout(diverging)
      }
      else if (following.value) {
        sent.set(target, Date.now())
        followTo?.(page, clicks, clicksTotal)
      }
    }
  })
  watch([nav.currentSlideNo, nav.clicks], () => {
    if (role() !== 'audience' || !nav.isPlaying.value)
      return
    for (const [position, time] of sent) {
      if (Date.now() - time > 3000)
        sent.delete(position)
    }
    const at = here()
    clearTimeout(diverging)
    if (at === relayPosition()) {
      following.value = true
      sent.clear()
    }
    else if (sent.has(at)) {
      sent.delete(at)
    }
    else {
      diverging = setTimeout(() => {
        if (here() !== relayPosition())
          following.value = false
      }, 1000)
    }
  })
  // A move of the presenter view, by its keys, the remote, or the projector window beside it (Slidev's own
  // channel); and the clicks Slidev counts once the slide is mounted.
  watch([nav.currentSlideNo, nav.clicks, nav.clicksTotal], report)
  watch(nav.isPresenter, sayHelloAgain)
  connectRelay(role)
}
