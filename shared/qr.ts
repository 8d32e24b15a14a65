import { create } from 'qrcode'

export interface QrPath {
  /** Modules per side, quiet zone included. */
  size: number
  /** One SVG path drawing every dark module as a 1x1 square. */
  d: string
}

/**
 * A QR code as one SVG path, made locally: vector in the PDF, crisp at any zoom, nothing fetched.
 * `quiet` is the white border in modules (the standard asks for 4).
 */
export function qrPath(text: string, quiet = 4): QrPath {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const n = modules.size
  const parts: string[] = []
  for (let row = 0; row < n; row++) {
    let col = 0
    while (col < n) {
      if (!modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < n && modules.get(row, col))
        col++
      parts.push(`M${start + quiet} ${row + quiet}h${col - start}v1h${start - col}z`)
    }
  }
  return {
    size: n + 2 * quiet,
    d: parts.join(''),
  }
}
