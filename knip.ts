import type { KnipConfig } from 'knip'

/**
 * Unused files, exports and dependencies, and imports not declared in package.json (`npm run lint`).
 * The entries are what Slidev and Node load by convention rather than by import: the deck's markdown,
 * Slidev's setup files and global components, the components it registers for the slides, and the
 * files Node runs (the package.json scripts, found by knip, and the scripts run by hand).
 */
const config: KnipConfig = {
  entry: [
    'slides.md',
    'pages/*.md',
    'setup/*.{ts,js}',
    'styles/index.ts',
    'custom-nav-controls.vue',
    'global-top.vue',
    // Slidev registers every component in components/ for the slides; the slides' use of each is
    // checked by tests/deck.test.ts.
    'components/*.vue',
    // Read as a file and bundled into the site by scripts/site/first-paint.ts.
    'scripts/site/first-paint.client.ts',
  ],
  project: ['**/*.{ts,vue,js}', 'pages/*.md', '!tests/fixtures/**'],
  // An export a file also uses itself is its interface, not dead code.
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // `theme: default` in the headmatter: Slidev loads the theme by name.
    '@slidev/theme-default',
    // The Nu HTML Checker's jar, run with java by tests/support/html.ts.
    'vnu-jar',
  ],
  // Slidev's virtual module of the slides (setup/slidev-client.js), resolved by Slidev's Vite plugins.
  ignoreUnresolved: ['#slidev/slides'],
  compilers: {
    // The script blocks of the deck's markdown: what its slides import.
    md: (text: string) => [
      ...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g),
    ].map(m => m[1]).join('\n'),
  },
}

export default config
