import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { buildReaderIndex, slideSources } from '../scripts/site/reader-index-plugin'
import { bestPerSlide, markdownToText, noteSentences, SEARCH_OPTIONS, searchDocuments, sentenceProbe, splitSentences } from './search'

const CONTENT = `<script setup lang="ts">
import { event } from './data/summit'
</script>

# Magnum: containers as a *service*

<p class="dates">{{ event.dates }}</p>

- Until now: build it **yourself** on [compute instances](https://example.org)
- Magnum does **not** wrap the APIs

<div class="stack" role="img" aria-label="a stack">
  <div class="layer coe">Container Orchestration Engine<br><small>Kubernetes · Docker Swarm</small></div>
</div>

<<< @/snippets/magnum-k8s-bay.sh#bay bash

\`\`\`bash
magnum bay-list
\`\`\`

<SourceLine :ids="['report']" />
`

describe('markdownToText', () => {
  it('keeps what a slide shows, drops script, expressions, components and markup', () => {
    expect(markdownToText(CONTENT)).toEqual([
      'Magnum: containers as a service',
      'Until now: build it yourself on compute instances',
      'Magnum does not wrap the APIs',
      'Container Orchestration Engine Kubernetes · Docker Swarm',
      'magnum bay-list',
    ])
  })
})

describe('sentences', () => {
  it('splits after full stops, question and exclamation marks, before a capital or digit', () => {
    expect(splitSentences('The summit was huge. Over 5000 came! Why? e.g. not this.')).toEqual([
      'The summit was huge.',
      'Over 5000 came!',
      'Why? e.g. not this.',
    ])
  })

  it('reads notes as paragraphs of sentences', () => {
    expect(noteSentences('First one. Second one.\n\nA [link](https://x.org) here.')).toEqual([
      'First one.',
      'Second one.',
      'A link here.',
    ])
  })

  it('sentenceProbe gives the first words', () => {
    expect(sentenceProbe('one two three four five six seven', 3)).toBe('one two three')
  })
})

const SLIDES = [
  {
    no: 1,
    title: 'Cover',
    content: '# Tokyo\n\nA recap of the summit.',
    note: 'Welcome to the recap of Tokyo.',
    hidden: false,
  },
  {
    no: 2,
    title: 'Kolla',
    content: '# Kolla\n\n- OpenStack services in Docker containers',
    note: 'Kolla runs each service in its own container.',
    hidden: false,
  },
  {
    no: 3,
    title: 'Hidden',
    content: '# Secret\n\nNot shown.',
    note: '',
    hidden: true,
  },
]

describe('searchDocuments', () => {
  it('indexes slide sentences always, and note sentences only when the build carries notes', () => {
    const withNotes = searchDocuments(SLIDES, true)
    expect(withNotes.map(d => [d.no, d.kind, d.text])).toEqual([
      [1, 'slide', 'Tokyo'],
      [1, 'slide', 'A recap of the summit.'],
      [1, 'note', 'Welcome to the recap of Tokyo.'],
      [2, 'slide', 'Kolla'],
      [2, 'slide', 'OpenStack services in Docker containers'],
      [2, 'note', 'Kolla runs each service in its own container.'],
    ])
    expect(searchDocuments(SLIDES, false).every(d => d.kind === 'slide')).toBe(true)
  })
})

describe('the built index', () => {
  it('loads in the browser\'s way and finds one result per slide with its best sentence', () => {
    const data = buildReaderIndex(SLIDES, true)
    const search = MiniSearch.loadJS(data.index as Parameters<typeof MiniSearch.loadJS>[0], SEARCH_OPTIONS)
    const hits = bestPerSlide(search.search('container'))
    expect(hits.map(h => h.no)).toEqual([2])
    expect(hits[0]!.title).toBe('Kolla')
    expect(search.search('welcome').map(r => r.kind)).toEqual(['note'])
  })

  it('without notes, holds no word of them', () => {
    const data = buildReaderIndex(SLIDES, false)
    expect(data.withNotes).toBe(false)
    expect(JSON.stringify(data)).not.toMatch(/Welcome|runs each service/)
  })
})

describe('slideSources', () => {
  const data = {
    slides: [
      {
        title: 'One',
        content: '# One',
        note: 'A note.',
        frontmatter: {},
      },
      {
        title: 'Two',
        content: '# Two',
        note: undefined,
        frontmatter: { hide: true },
      },
    ],
  } as unknown as Parameters<typeof slideSources>[0]['data']

  it('numbers the slides as Slidev does and keeps their notes in a build with notes', () => {
    expect(slideSources({ data, withoutNotes: false })).toEqual([
      {
        no: 1,
        title: 'One',
        content: '# One',
        note: 'A note.',
        hidden: false,
      },
      {
        no: 2,
        title: 'Two',
        content: '# Two',
        note: '',
        hidden: true,
      },
    ])
  })

  it('drops every note in a --without-notes build', () => {
    expect(slideSources({ data, withoutNotes: true }).map(s => s.note)).toEqual(['', ''])
  })
})
