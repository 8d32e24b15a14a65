import { defineRoutesSetup } from '@slidev/types'

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
    component: () => import('../handout/Handout.vue'),
  },
])
