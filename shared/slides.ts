/** What every view calls a slide, in one place: the deck, the presenter and remote, the reader, the handout and Node. */

/** A slide's title as the views show it: its own title, trimmed, else "Slide N". */
export function slideTitle(title: string | null | undefined, no: number): string {
  return title?.trim() || `Slide ${no}`
}

/** Where a slide sits, "Slide N of M", followed by ": Title" when a title is given. */
export function slidePosition(no: number, total: number, title?: string | null): string {
  const name = title?.trim()
  return name
    ? `Slide ${no} of ${total}: ${name}`
    : `Slide ${no} of ${total}`
}
