import { defineRoutesSetup } from '@slidev/types'

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
  // The reader view: every slide reflowed for a phone, on one page with its notes (reader/README.md).
  {
    name: 'read',
    path: '/read/:no(\\d+)?',
    component: () => import('../reader/ReaderPage.vue'),
  },
])
