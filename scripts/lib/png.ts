import { Buffer } from 'node:buffer'
import { PNG } from 'pngjs'

/**
 * A PNG averaged down by `factor` in both directions: each output pixel is the mean of a
 * factor x factor block (a thumbnail for the contact sheet, or a screen as a phone at the back of
 * the room sees it, for the QR check). Rows and columns that do not fill a block are dropped.
 */
export function downscale(png: Uint8Array, factor: number): PNG {
  if (!Number.isInteger(factor) || factor < 1)
    throw new Error(`downscale: factor must be a whole number of 1 or more, not ${factor}`)
  const source = PNG.sync.read(Buffer.from(png))
  const width = Math.floor(source.width / factor)
  const height = Math.floor(source.height / factor)
  const out = new PNG({ width, height })
  const area = factor * factor
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let dy = 0; dy < factor; dy++) {
        let at = ((y * factor + dy) * source.width + x * factor) * 4
        for (let dx = 0; dx < factor; dx++, at += 4) {
          r += source.data[at]!
          g += source.data[at + 1]!
          b += source.data[at + 2]!
          a += source.data[at + 3]!
        }
      }
      const to = (y * width + x) * 4
      out.data[to] = Math.round(r / area)
      out.data[to + 1] = Math.round(g / area)
      out.data[to + 2] = Math.round(b / area)
      out.data[to + 3] = Math.round(a / area)
    }
  }
  return out
}
