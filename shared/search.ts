// The reader's search: what is indexed (sentences of each slide's markdown and, in builds that carry
// them, of its speaker notes), the MiniSearch options the build and the browser share, and how hits
// become one result per slide. Pure: no DOM, no Slidev imports, so the Vite plugin (Node), the page
// (browser) and the tests use the same code.
import type { Options, SearchResult } from 'minisearch'
import { figureTexts } from '../data/figures.ts'
import { slideTitle } from './slides.ts'

/** Where a sentence comes from: the slide itself or its speaker notes. */
export type SentenceKind = 'slide' | 'note'

/** One indexed sentence. */
export interface SentenceDoc {
  id: number
  /** The slide's number in the deck. */
  no: number
  kind: SentenceKind
  title: string
  text: string
}

/** What the index module of a build holds. */
export interface ReaderIndexData {
  /** Whether the build indexed speaker notes (false in a `--without-notes` build). */
  withNotes: boolean
  /** MiniSearch's serialised index (MiniSearch#toJSON), loaded with MiniSearch.loadJS. */
  index: object
}

/** A slide as the index generator needs it (Slidev's parsed SlideInfo has these). */
export interface SlideSource {
  no: number
  title: string | undefined
  /** The slide's markdown body, without frontmatter and notes. */
  content: string
  /** The speaker notes as written; '' when there are none or the build leaves them out. */
  note: string
  hidden: boolean
}

export const SEARCH_OPTIONS: Options<SentenceDoc> = {
  fields: ['text', 'title'],
  storeFields: ['no', 'kind', 'title', 'text'],
  searchOptions: {
    prefix: true,
    fuzzy: 0.15,
    boost: { text: 2 },
    combineWith: 'AND',
  },
}

const FENCE = /^\s*(?:```|~~~)/

/**
 * The visible text of a slide's markdown, one block per line: Vue `<script>` and `<style>` blocks,
 * HTML comments, snippet imports, code fences' markers, component tags, `{{ }}` expressions and
 * markdown markup are dropped; the words of headings, lists, paragraphs, HTML text and code stay.
 */
export function markdownToText(markdown: string): string[] {
  const withoutBlocks = markdown
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
  const blocks: string[] = []
  let paragraph: string[] = []
  const flush = (): void => {
    if (paragraph.length > 0)
      blocks.push(paragraph.join(' '))
    paragraph = []
  }
  let fenced = false
  for (const raw of withoutBlocks.split(/\r?\n/)) {
    if (FENCE.test(raw)) {
      flush()
      fenced = !fenced
      continue
    }
    if (fenced) {
      const code = raw.trim()
      if (code)
        blocks.push(code)
      continue
    }
    if (/^\s*<<<\s/.test(raw))
      continue
    const isBlockStart = /^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?)/.test(raw)
    const line = inlineText(raw.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)/, ''))
    if (!line) {
      flush()
      continue
    }
    if (isBlockStart)
      flush()
    paragraph.push(line)
    if (isBlockStart)
      flush()
  }
  flush()
  return blocks.filter(block => /[\p{L}\p{N}]/u.test(block))
}

/** Figures as the slides render them, by id (data/figures.ts). */
const FIGURES = figureTexts()

/** A line's words: tags, expressions, emphasis and link syntax dropped, entities decoded, spaces folded. */
function inlineText(line: string): string {
  return line
    // A figure drawn from data/ (components/DataFigure.vue) reads as the slide shows it.
    .replace(/<DataFigure\s+of="([^"]+)"\s*\/>/g, (_, id: string) => FIGURES[id]?.text ?? ' ')
    .replace(/\{\{[\s\S]*?\}\}/g, ' ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[A-Z][^>]*>/gi, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A block of text split after ., ! or ? (and a closing quote or bracket) followed by a space. */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\p{N}])/u)
    .map(sentence => sentence.trim())
    .filter(sentence => sentence !== '')
}

/** Speaker notes as prose: markdown paragraphs (blank-line separated) and their sentences. */
export function noteSentences(note: string): string[] {
  return markdownToText(note).flatMap(splitSentences)
}

/** Every sentence the reader's search finds, slide by slide; notes only when `withNotes`. */
export function searchDocuments(slides: readonly SlideSource[], withNotes: boolean): SentenceDoc[] {
  const docs: SentenceDoc[] = []
  for (const slide of slides) {
    if (slide.hidden)
      continue
    const title = slideTitle(slide.title, slide.no)
    const add = (kind: SentenceKind, text: string): void => {
      docs.push({
        id: docs.length,
        no: slide.no,
        kind,
        title,
        text,
      })
    }
    for (const block of markdownToText(slide.content)) {
      for (const sentence of splitSentences(block))
        add('slide', sentence)
    }
    if (withNotes) {
      for (const sentence of noteSentences(slide.note))
        add('note', sentence)
    }
  }
  return docs
}

/** One search result: a slide, and the sentence of it that matched best. */
export interface SlideHit {
  no: number
  title: string
  kind: SentenceKind
  sentence: string
  score: number
}

/** MiniSearch's hits (one per sentence), best first, as one result per slide with its best sentence. */
export function bestPerSlide(results: readonly SearchResult[], limit = 12): SlideHit[] {
  const bySlide = new Map<number, SlideHit>()
  for (const result of results) {
    const no = Number(result.no)
    const current = bySlide.get(no)
    if (current && current.score >= result.score)
      continue
    bySlide.set(no, {
      no,
      title: String(result.title),
      kind: result.kind === 'note'
        ? 'note'
        : 'slide',
      sentence: String(result.text),
      score: result.score,
    })
  }
  return [
    ...bySlide.values(),
  ].sort((a, b) => b.score - a.score).slice(0, limit)
}

/** The first words of a sentence, for finding it again in the rendered page. */
export function sentenceProbe(sentence: string, words = 6): string {
  return sentence.split(/\s+/).slice(0, words).join(' ')
}
