import { ref } from 'vue'
import { live, sendCommand } from './connection.ts'

/** Blanked on this screen only: a clicker's `b` where there is no key (e.g. the projector window). */
export const blankedHere = ref(false)

/** The clicker's blank key (`b` or `.`): with the key, every screen following the talk; without, this one. */
export function toggleBlank(): void {
  if (live.authorized && live.state && sendCommand({ type: 'blank', on: !live.state.blank }))
    return
  blankedHere.value = !blankedHere.value
}
