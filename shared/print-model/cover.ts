// The handout cover's copy: its made-on date and its account of the talks appendix.

/** The handout's made-on date: `?made=YYYY-MM-DD` if given (reproducible builds), else today. */
export function madeOn(query: unknown, now: Date = new Date()): Date {
  const raw = Array.isArray(query)
    ? query[0]
    : query
  if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const date = new Date(`${raw}T12:00:00Z`)
    if (!Number.isNaN(date.getTime()))
      return date
  }
  return now
}

export function formatMade(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en'
    ? 'en-GB'
    : lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date)
}

/** What a talk contributes to the cover's account of the appendix. */
export interface TalkLinkFacts {
  links: readonly { label: string }[]
}

/**
 * The cover's sentence on the talks appendix, counted from the talks themselves: how many talks,
 * how many have a link (each printed with a QR code), and how many have none.
 */
export function talksAppendixSummary(talks: readonly TalkLinkFacts[]): string {
  const linked = talks.filter(t => t.links.length > 0).length
  const unlinked = talks.length - linked
  const talkWord = (n: number): string => n === 1
    ? 'talk'
    : 'talks'
  const parts = [
    `The last pages list the ${talks.length} ${talkWord(talks.length)} worth watching.`,
    linked === talks.length
      ? `Each has at least one link (a video, slides or a schedule page), printed with a QR code.`
      : `${linked} of them ${linked === 1
        ? 'has'
        : 'have'} at least one link (a video, slides or a schedule page), each printed with a QR code;`
        + ` ${unlinked} ${unlinked === 1
          ? 'has'
          : 'have'} no link, as none could be found.`,
  ]
  return parts.join(' ')
}
