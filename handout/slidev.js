// The few pieces of Slidev's client the handout reuses to render slides exactly as its print view
// does. Slidev's client sources only type-check inside Slidev's own build (they rely on its compile-time
// globals and router augmentation), so they are re-exported here, untyped, and slidev.d.ts declares
// the part the handout uses. Vite resolves these imports as it does for Slidev's own pages.
export { createFixedClicks } from '@slidev/client/composables/useClicks.ts'
export { useFixedNav, useNav } from '@slidev/client/composables/useNav.ts'
export { CLICKS_MAX, injectionSlideScale } from '@slidev/client/constants.ts'
export { configs, slideHeight, slideWidth } from '@slidev/client/env.ts'
export { default as PrintSlideClick } from '@slidev/client/internals/PrintSlideClick.vue'
export { isDark } from '@slidev/client/logic/dark.ts'
