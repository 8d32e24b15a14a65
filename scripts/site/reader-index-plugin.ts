import type { ResolvedSlidevOptions } from '@slidev/types'
import type { Plugin } from 'vite'
import type { ReaderIndexData, SlideSource } from '../../shared/search.ts'
import MiniSearch from 'minisearch'
import { SEARCH_OPTIONS, searchDocuments } from '../../shared/search.ts'

/** The module the reader imports its search index from (app/reader/virtual.d.ts types it). */
export const READER_INDEX_ID = 'virtual:recap-reader-index'
const RESOLVED_ID = `\0${READER_INDEX_ID}`

/** The deck as Slidev parsed it for this build, in the shape the index generator takes. */
export function slideSources(options: Pick<ResolvedSlidevOptions, 'data' | 'withoutNotes'>): SlideSource[] {
  return options.data.slides.map((slide, index) => ({
    no: index + 1,
    title: slide.title,
    content: slide.content,
    // A --without-notes build must not carry the notes anywhere, the search index included.
    note: options.withoutNotes
      ? ''
      : slide.note ?? '',
    hidden: slide.frontmatter.hide === true || slide.frontmatter.disabled === true,
  }))
}

/** The search index of a deck: every sentence of its slides (and of its notes, when `withNotes`). */
export function buildReaderIndex(slides: readonly SlideSource[], withNotes: boolean): ReaderIndexData {
  const search = new MiniSearch(SEARCH_OPTIONS)
  search.addAll(searchDocuments(slides, withNotes))
  return {
    withNotes,
    index: search.toJSON(),
  }
}

/**
 * The reader's search index, built with the deck from the slides' markdown that Slidev parsed for this
 * build (so `--without-notes` leaves the notes out of it too), as a module the reader route imports
 * lazily: its own chunk, precached by the service worker with the other scripts, never loaded
 * before the deck's first slide.
 */
export function readerIndex(options: Pick<ResolvedSlidevOptions, 'data' | 'withoutNotes'>): Plugin {
  return {
    name: 'recap:reader-index',
    resolveId(id) {
      return id === READER_INDEX_ID
        ? RESOLVED_ID
        : undefined
    },
    load(id) {
      if (id !== RESOLVED_ID)
        return undefined
      const data = buildReaderIndex(slideSources(options), !options.withoutNotes)
      // JSON.parse of a string is quicker for the browser to evaluate than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))})\n`
    },
    handleHotUpdate({ file, server }) {
      if (!file.endsWith('.md'))
        return
      const module = server.moduleGraph.getModuleById(RESOLVED_ID)
      if (module)
        server.moduleGraph.invalidateModule(module)
    },
  }
}
