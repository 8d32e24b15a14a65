import { defineRootSetup } from '@slidev/types'
import { installPresentSync } from '../present/sync.ts'

/** Live presenting (`./deck present`): the relay joins Slidev's sync; on any other server, nothing happens. */
export default defineRootSetup(() => {
  if (typeof window !== 'undefined')
    installPresentSync()
})
