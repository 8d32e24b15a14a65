import { defineRoutesSetup } from '@slidev/types'

/** Slidev's build flag: false in the public build (`presenter: false`), which then ships no remote either. */
declare const __SLIDEV_FEATURE_PRESENTER__: boolean

/**
 * The handout: the deck as a printable A4 document, one slide per page with its speaker notes
 * (`/handout`), or three slides per page beside ruled lines (`/handout?layout=3up`). Printing the
 * page in a browser gives the same document that `npm run handout` writes as a PDF.
 */
export default defineRoutesSetup(routes => [
  ...routes,
  {
    name: 'handout',
    path: '/handout',
    component: () => import('../handout/Handout.vue'),
  },
  // The phone remote of `./deck present` (present/README.md); without the relay it drives nothing.
  ...(__SLIDEV_FEATURE_PRESENTER__
    ? [
        {
          name: 'present-remote',
          path: '/remote',
          component: () => import('../present/RemoteView.vue'),
        },
      ]
    : []),
])
