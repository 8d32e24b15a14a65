// The pieces of Slidev's client the reader uses. `useNav` and `configs` are Slidev's public API;
// SlideWrapper (the component Slidev's own overview renders each slide with), the fixed clicks and
// the go-to dialog's state are internals with no public equivalent. Slidev's client sources only
// type-check inside Slidev's own build, so they are re-exported here, untyped, and slidev.d.ts
// declares the part the reader uses (as handout/slidev.js does for the handout).
export { createFixedClicks } from '@slidev/client/composables/useClicks.ts'
export { useNav } from '@slidev/client/composables/useNav.ts'
export { CLICKS_MAX } from '@slidev/client/constants.ts'
export { configs } from '@slidev/client/env.ts'
export { default as SlideWrapper } from '@slidev/client/internals/SlideWrapper.vue'
export { showGotoDialog } from '@slidev/client/state/storage.ts'
