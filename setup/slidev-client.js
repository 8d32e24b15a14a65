// The part of Slidev's public client API (@slidev/client's index) the setup files use. Slidev's
// client sources only type-check inside Slidev's own build (they rely on its compile-time globals),
// so they are re-exported here, untyped, and slidev-client.d.ts declares what is used.
export { configs, useNav } from '@slidev/client'
