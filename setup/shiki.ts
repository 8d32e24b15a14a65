import { defineShikiSetup } from '@slidev/types'

/**
 * Code highlighting for the deck.
 *
 * Slidev 53 highlights code blocks at build time, in Node: Shiki loads a grammar only when a
 * block names its language, so the built deck ships no grammar and no Shiki engine at all (the
 * `modules/shiki` chunk of a build holds Vue's runtime, which Slidev's manualChunks files there).
 * Shiki only reaches the browser through Monaco, magic-move or code runners, all unused here
 * (`monaco: false`); if one were added, `langs` is the set its highlighter loads eagerly.
 *
 * `langs` lists what the deck uses: `bash`, for the Magnum commands in the notes of pages/containers.md. Slidev adds its own
 * eager set (markdown, vue, javascript, typescript, html, css) on top; it cannot be removed.
 * The themes are named so a Slidev upgrade that changes its default cannot change the colours;
 * the high-contrast GitHub pair keeps every token at WCAG AA on Slidev's code background (vitesse's
 * strings do not).
 */
export default defineShikiSetup(() => ({
  themes: {
    light: 'github-light-high-contrast',
    dark: 'github-dark-high-contrast',
  },
  langs: ['bash'],
}))
