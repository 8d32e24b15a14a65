import { defineRoutesSetup } from '@slidev/types'

/** Slidev's build flag: false in the public build (`presenter: false`), which then ships no remote either. */
declare const __SLIDEV_FEATURE_PRESENTER__: boolean

/**
 * The print route every PDF comes from: the A4 handout, one slide per page with its speaker notes
 * (`/handout`), three slides per page beside ruled lines (`/handout?layout=3up`), or the slides
 * themselves, one canvas-sized page each (`/handout?layout=slides`). Printing the page in a browser
 * gives the same document that `npm run handout` and `npm run export` write (scripts/lib/print.ts).
 */
export default defineRoutesSetup(routes => [
  ...routes,
  {
    name: 'handout',
    path: '/handout',
    component: () => import('../app/print/Handout.vue'),
  },
  // The reader view: every slide reflowed for a phone, on one page with its notes (app/reader/README.md).
  {
    name: 'read',
    path: '/read/:no(\\d+)?',
    component: () => import('../app/reader/ReaderPage.vue'),
  },
  // The phone remote of `./deck present` (app/present/README.md); without the relay it drives nothing.
  ...(__SLIDEV_FEATURE_PRESENTER__
    ? [
        {
          name: 'present-remote',
          path: '/remote',
          component: () => import('../app/present/RemoteView.vue'),
        },
      ]
    : []),
])
