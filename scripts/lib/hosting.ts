import { escapeAttribute } from './html.ts'

/**
 * The security headers every host serves the deck with. netlify.toml and vercel.json carry the
 * same values (tests/hosting.test.ts checks they match and that the deck runs under them);
 * GitHub Pages cannot set headers, so build-site.ts writes the policy into the HTML as a <meta>.
 *
 * What the built deck needs, and so allows:
 * - scripts, fonts, styles, the manifest, the service worker and its workbox script: same origin;
 * - inline style attributes and <style> elements: Vue style bindings, Shiki's token colours,
 *   UnoCSS and Slidev's layout set them at run time, so style-src needs 'unsafe-inline';
 * - data: images: UnoCSS icons are CSS masks with data: SVG URLs;
 * - nothing from other origins: fonts are bundled (fonts.provider: none) and remoteAssets is off.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': '\'self\'',
  'script-src': '\'self\'',
  'style-src': '\'self\' \'unsafe-inline\'',
  'img-src': '\'self\' data:',
  'font-src': '\'self\'',
  'connect-src': '\'self\'',
  'manifest-src': '\'self\'',
  'worker-src': '\'self\'',
  'object-src': '\'none\'',
  'base-uri': '\'self\'',
  'form-action': '\'self\'',
  'frame-ancestors': '\'self\'',
}

/** Directives a <meta http-equiv="Content-Security-Policy"> cannot carry; browsers ignore them there with a console warning. */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox'])

export function cspString(directives: Readonly<Record<string, string>> = CSP_DIRECTIVES): string {
  return Object.entries(directives).map(([name, value]) => `${name} ${value}`).join('; ')
}

export const CONTENT_SECURITY_POLICY = cspString()

/** The headers for every path of the site. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'SAMEORIGIN',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
}

/** The policy as a <meta> can carry it: the header-only directives left out. */
export function metaCsp(directives: Readonly<Record<string, string>> = CSP_DIRECTIVES): string {
  return cspString(Object.fromEntries(Object.entries(directives).filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name))))
}

/**
 * Puts the policy (and the referrer policy) into an HTML page as <meta> elements right after
 * <meta charset>, before any script or stylesheet, so that they govern everything the page loads.
 * Throws when the page has no <meta charset>, or already carries a policy.
 */
export function injectSecurityMeta(html: string, csp: string = metaCsp()): string {
  if (/<meta\s+http-equiv=["']?content-security-policy/i.test(html))
    throw new Error('the page already has a Content-Security-Policy <meta>')
  const charset = /<meta\s+charset=[^>]*>/i.exec(html)
  if (!charset)
    throw new Error('no <meta charset> in the page to put the policy after')
  const meta = `\n<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">`
    + `\n<meta name="referrer" content="${escapeAttribute(SECURITY_HEADERS['Referrer-Policy']!)}">`
  const at = charset.index + charset[0].length
  return html.slice(0, at) + meta + html.slice(at)
}
