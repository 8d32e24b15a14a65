// What the handout route takes from Slidev's client, in one place.
//
// From the public API (@slidev/client's index.ts): useNav, configs, slideWidth, slideHeight and
// useDarkMode. They are re-exported here rather than imported where used because @slidev/client ships
// TypeScript sources that only type-check inside Slidev's own build (its compile-time globals and
// router augmentation); slidev.d.ts declares the part the route uses.
//
// From Slidev's internals, because no public piece renders a slide for print outside Slidev's own
// /print page: PrintSlideClick (one slide with its global layers), the fixed-clicks navigation it
// takes (createFixedClicks, useFixedNav, CLICKS_MAX: every click revealed) and the scale key the
// slide's layout reads (injectionSlideScale). Check these when Slidev's major version changes.
export { configs, slideHeight, slideWidth, useDarkMode, useNav } from '@slidev/client'
export { createFixedClicks } from '@slidev/client/composables/useClicks.ts'
export { useFixedNav } from '@slidev/client/composables/useNav.ts'
export { CLICKS_MAX, injectionSlideScale } from '@slidev/client/constants.ts'
export { default as PrintSlideClick } from '@slidev/client/internals/PrintSlideClick.vue'
