/** Splits text into lines of at most `maxChars` characters at spaces (a longer word gets a line of its own). */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line)
      line = word
    }
    else {
      line = line
        ? `${line} ${word}`
        : word
    }
  }
  if (line)
    lines.push(line)
  return lines
}
