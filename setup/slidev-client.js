export { slides } from '#slidev/slides'
// Everything the deck's own code takes from Slidev's client, in one place.
//
// From the public API (@slidev/client's index.ts): useNav, configs, slideWidth, slideHeight,
// useDarkMode and addSyncMethod. They are re-exported here rather than imported where used because
// Slidev's client package ships TypeScript sources that only type-check inside Slidev's own build
// (its compile-time globals and router augmentation); slidev-client.d.ts declares what the deck uses.
//
// From Slidev's internals, because no public piece does the job (check these when Slidev's major
// version changes):
// - PrintSlideClick renders one slide with its global layers for print, outside Slidev's own /print
//   page (the handout and slides PDF), and SlideWrapper renders one unscaled (the reader view);
// - createFixedClicks, useFixedNav and CLICKS_MAX: a slide with every click revealed;
// - injectionSlideScale: the scale key a slide's layout reads;
// - showGotoDialog: whether the go-to dialog is open (the reader's search link lives in it);
// - slides, from Slidev's virtual module #slidev/slides: the slides' routes where no component is
//   there to call useNav() (the app setup's loading of a slide's neighbours, setup/main.ts).
export { addSyncMethod, configs, slideHeight, slideWidth, useDarkMode, useNav } from '@slidev/client'
export { createFixedClicks } from '@slidev/client/composables/useClicks.ts'
export { useFixedNav } from '@slidev/client/composables/useNav.ts'
export { CLICKS_MAX, injectionSlideScale } from '@slidev/client/constants.ts'
export { default as PrintSlideClick } from '@slidev/client/internals/PrintSlideClick.vue'
export { default as SlideWrapper } from '@slidev/client/internals/SlideWrapper.vue'
export { showGotoDialog } from '@slidev/client/state/storage.ts'
