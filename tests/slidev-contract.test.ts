// Slidev's names the deck relies on beyond Slidev's public API: the checklist for an upgrade of Slidev.
// Each entry names a class, id, CSS variable, storage key, channel, module id or injection key of
// Slidev's, the Slidev source it comes from and the deck's files that rely on it. The tests
// hold the list to the truth both ways: every name is still in that Slidev source, every file listed
// still uses it, and the deck's code uses no Slidev name the list does not have (a scan of every
// tracked source file for `slidev-…`, `$$slidev-…`, `#slidev/…` and `@slidev-injection`).
// What the deck imports from Slidev's client is in setup/slidev-client.js, the one door for that;
// what its build changes in Slidev's client, in scripts/lib/slidev-overrides.ts.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { injectionCurrentPage, injectionRenderContext, injectionSlidevContext } from '../app/composables/useFinalState.ts'
import { ROOT } from './support/paths.ts'

type Kind = 'class' | 'id' | 'css variable' | 'storage key' | 'channel' | 'module id' | 'injection key'

interface Reliance {
  /** As the deck writes it; `slidev-page-N` stands for `slidev-page-1`, `slidev-page-2`, … and a template's `slidev-page-${…}` */
  name: string
  kind: Kind
  /** The file of node_modules/@slidev/ that defines it; it must contain `name` (or `inSlidev`). */
  slidev: string
  /** What to look for in that file when it builds the name (a template), not as written. */
  inSlidev?: string
  /** The deck's files that rely on it. */
  deck: readonly string[]
}

const CONTRACT: readonly Reliance[] = [
  // The slide show's DOM, which the page scripts, the print route, the reader and the styles read.
  {
    name: 'slideshow',
    kind: 'id',
    slidev: 'client/internals/SlidesShow.vue',
    inSlidev: 'id="slideshow"',
    deck: ['scripts/lib/page.client.ts', 'scripts/site/first-paint-capture.client.ts'],
  },
  {
    name: 'slidev-page',
    kind: 'class',
    slidev: 'client/internals/SlideWrapper.vue',
    deck: [
      'scripts/lib/page.client.ts',
      'scripts/site/first-paint.client.ts',
      'app/reader/reader.css',
      'scripts/bench/probe.client.ts',
    ],
  },
  {
    name: 'slidev-page-N',
    kind: 'class',
    slidev: 'client/utils.ts',
    inSlidev: 'slidev-page-${',
    deck: ['scripts/bench/probe.client.ts', 'scripts/site/first-paint-capture.client.ts', 'scripts/site/prerender.ts'],
  },
  {
    name: 'slidev-layout',
    kind: 'class',
    slidev: 'client/layouts/center.vue',
    deck: [
      'app/print/useHandoutLayout.ts',
      'app/reader/ReaderPage.vue',
      'app/reader/reader.css',
      'scripts/lib/page.client.ts',
      'styles/recap.css',
      'scripts/bench/probe.client.ts',
    ],
  },
  {
    name: 'slidev-slide-content',
    kind: 'class',
    slidev: 'client/internals/SlideContainer.vue',
    deck: ['scripts/site/first-paint-capture.client.ts', 'scripts/site/first-paint.ts'],
  },
  {
    name: 'slidev-slide-loading',
    kind: 'class',
    slidev: 'client/internals/SlideLoading.vue',
    deck: ['scripts/lib/page.client.ts'],
  },
  {
    name: 'slidev-pwa-indicator',
    kind: 'class',
    slidev: 'client/internals/PwaIndicator.vue',
    deck: ['app/reader/reader.css', 'scripts/lib/page.client.ts', 'styles/recap.css'],
  },
  {
    name: 'slidev-presenter',
    kind: 'class',
    slidev: 'client/pages/presenter.vue',
    deck: ['app/present/PacingBar.vue'],
  },
  {
    name: 'slidev-note',
    kind: 'class',
    slidev: 'client/internals/NoteDisplay.vue',
    deck: ['styles/recap.css'],
  },
  {
    name: 'slidev-note-with-clicks',
    kind: 'class',
    slidev: 'client/internals/NoteDisplay.vue',
    deck: ['styles/recap.css'],
  },
  {
    name: 'slidev-note-fade',
    kind: 'class',
    slidev: 'client/internals/NoteDisplay.vue',
    deck: ['styles/recap.css'],
  },
  {
    name: 'slidev-icon-btn',
    kind: 'class',
    slidev: 'client/internals/IconButton.vue',
    deck: ['custom-nav-controls.vue', 'styles/recap.css'],
  },
  {
    name: 'slidev-toc',
    kind: 'class',
    slidev: 'client/builtin/TocList.vue',
    deck: ['styles/recap.css'],
  },
  {
    name: 'slidev-code',
    kind: 'class',
    slidev: 'client/styles/code.css',
    deck: ['app/reader/reader.css'],
  },
  {
    name: 'slidev-code-wrapper',
    kind: 'class',
    slidev: 'client/builtin/CodeBlockWrapper.vue',
    deck: ['app/reader/reader.css'],
  },
  // The go-to dialog, whose input the build names and beside which the reader's search link sits.
  {
    name: 'slidev-goto-input',
    kind: 'id',
    slidev: 'client/internals/Goto.vue',
    deck: ['app/reader/GotoSearch.vue', 'scripts/lib/slidev-overrides.ts'],
  },
  {
    name: 'slidev-goto-dialog',
    kind: 'id',
    slidev: 'client/internals/Goto.vue',
    deck: ['global-top.vue'],
  },
  // Slidev's CSS variables, which the deck's styles and the static first paint follow.
  {
    name: 'slidev-slide-container-background',
    kind: 'css variable',
    slidev: 'client/styles/vars.css',
    deck: ['scripts/site/first-paint.ts'],
  },
  {
    name: 'slidev-theme-primary',
    kind: 'css variable',
    slidev: 'client/styles/vars.css',
    deck: ['app/overrides/FormSlider.vue'],
  },
  {
    name: 'slidev-code-font-family',
    kind: 'css variable',
    slidev: 'client/styles/vars.css',
    deck: ['app/print/HandoutNotes.vue'],
  },
  {
    name: 'slidev-code-font-size',
    kind: 'css variable',
    slidev: 'client/styles/vars.css',
    deck: ['app/reader/reader.css', 'styles/recap.css'],
  },
  {
    name: 'slidev-code-line-height',
    kind: 'css variable',
    slidev: 'client/styles/vars.css',
    deck: ['app/reader/reader.css', 'styles/recap.css'],
  },
  // State Slidev keeps, which the static first paint reads before Slidev starts, and the channel the
  // presenting relay joins through Slidev's sync extension point.
  {
    name: 'slidev-color-schema',
    kind: 'storage key',
    slidev: 'client/logic/dark.ts',
    deck: ['scripts/site/first-paint.client.ts'],
  },
  {
    name: ' - shared',
    kind: 'channel',
    slidev: 'client/setup/root.ts',
    deck: ['app/present/sync.ts'],
  },
  // Module ids and injection keys: the slides' routes, slide 1's module (first paint), and the
  // slide context the count-up figures read.
  {
    name: '#slidev/slides',
    kind: 'module id',
    slidev: 'client/composables/useNav.ts',
    deck: ['setup/slidev-client.js', 'knip.ts'],
  },
  {
    name: '/@slidev/slides/',
    kind: 'module id',
    slidev: 'cli/dist',
    inSlidev: '/@slidev/slides/',
    deck: ['setup/vite-plugins.ts'],
  },
  {
    name: '$$slidev-context',
    kind: 'injection key',
    slidev: 'client/constants.ts',
    deck: ['app/composables/useFinalState.ts'],
  },
  {
    name: '$$slidev-render-context',
    kind: 'injection key',
    slidev: 'client/constants.ts',
    deck: ['app/composables/useFinalState.ts'],
  },
  {
    name: '$$slidev-page',
    kind: 'injection key',
    slidev: 'client/constants.ts',
    deck: ['app/composables/useFinalState.ts'],
  },
]

/** Names with "slidev" in them that are the deck's own, not Slidev's: its door to Slidev's client, its build's fixes of it, this checklist. */
const OWN = [
  'slidev-client',
  'slidev-overrides',
  'slidev-client-fixes',
  'slidev-contract',
]

const SLIDEV = join(ROOT, 'node_modules/@slidev')

/** The text of a Slidev file, or of every file in a folder of it (cli/dist is bundled under hashed names). */
function slidevText(path: string): string {
  const full = join(SLIDEV, path)
  if (!path.endsWith('dist'))
    return readFileSync(full, 'utf8')
  return execFileSync('grep', ['-rh', '--', 'slidev', full], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

/** The repository's tracked source files outside the tests, the docs and the data (which name no Slidev internals). */
function deckSources(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(file => /\.(?:ts|js|vue|css)$/.test(file) && !file.startsWith('tests/') && !file.endsWith('.test.ts'))
}

const NAME = /#slidev\/[\w-]+|\$\$slidev-[\w-]+|@slidev-injection|slidev-[\w-]+/g

describe('the Slidev names the deck relies on (the upgrade checklist)', () => {
  it.each(CONTRACT.map(r => [r.name, r] as const))('"%s" is still where Slidev defines it', (_name, reliance) => {
    const wanted = reliance.inSlidev ?? reliance.name
    expect(slidevText(reliance.slidev), `${wanted} in node_modules/@slidev/${reliance.slidev}`).toContain(wanted)
  })

  it.each(CONTRACT.map(r => [r.name, r] as const))('"%s" is used by the files listed for it', (_name, reliance) => {
    const written = reliance.name === 'slidev-page-N'
      ? 'slidev-page-'
      : reliance.name
    for (const file of reliance.deck)
      expect(readFileSync(join(ROOT, file), 'utf8'), `${file} no longer uses "${reliance.name}": update the list`).toContain(written)
  })

  it('the deck uses no Slidev name the list does not have, and no listed one in a file the list does not name', () => {
    const listed = new Map(CONTRACT.map(r => [
      r.name,
      new Set(r.deck),
    ]))
    const unlisted: string[] = []
    for (const file of deckSources()) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      for (const [match] of text.matchAll(NAME)) {
        const name = match.replace(/^slidev-page-\d*$/, 'slidev-page-N')
        if (OWN.includes(name))
          continue
        const files = listed.get(name)
        if (!files?.has(file))
          unlisted.push(`${file}: ${match}`)
      }
    }
    expect([
      ...new Set(unlisted),
    ]).toEqual([])
  })

  it('the injection keys app/composables/useFinalState.ts copies are those of @slidev/client/constants.ts, each under its own name', () => {
    const constants = slidevText('client/constants.ts')
    const slidev = Object.fromEntries([
      ...constants.matchAll(/export const (injection\w+)\s*=\s*'([^']+)'/g),
    ].map(m => [m[1], m[2]]))
    expect({
      injectionSlidevContext: slidev.injectionSlidevContext,
      injectionRenderContext: slidev.injectionRenderContext,
      injectionCurrentPage: slidev.injectionCurrentPage,
    }).toEqual({
      injectionSlidevContext: injectionSlidevContext as unknown as string,
      injectionRenderContext: injectionRenderContext as unknown as string,
      injectionCurrentPage: injectionCurrentPage as unknown as string,
    })
  })

  it('the deck\'s own names with "slidev" in them are its own: its files and its build plugin', () => {
    expect(existsSync(join(ROOT, 'setup/slidev-client.js'))).toBe(true)
    expect(existsSync(join(ROOT, 'scripts/lib/slidev-overrides.ts'))).toBe(true)
    expect(existsSync(join(ROOT, 'tests/slidev-contract.test.ts'))).toBe(true)
    expect(readFileSync(join(ROOT, 'scripts/lib/slidev-overrides.ts'), 'utf8')).toContain('recap:slidev-client-fixes')
  })
})
