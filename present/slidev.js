// The part of Slidev's public client API (`@slidev/client`, its index.ts) the presenting views use.
// Slidev's client sources only type-check inside Slidev's own build, so they are re-exported here,
// untyped, and slidev.d.ts declares what is used (as handout/slidev.js does for the handout).
export { addSyncMethod, configs, useNav } from '@slidev/client'
