// Which built files each prerendered page needs, read off the bundle by setup/vite-plugins.ts
// (preloadFirstSlide) and used by prerender.ts to write each page's head. Paths are relative to the
// build's base, as in the bundle ("assets/play-….js").

export interface PageFiles {
  /** Scripts, to preload (in the order the app imports them). */
  js: string[]
  /** Stylesheets the page's markup needs to draw. */
  css: string[]
}

export interface PageAssets {
  /** The slide view's files beyond the entry's (which index.html loads already). */
  common: PageFiles
  /** Slide N's own files beyond the entry's and the slide view's. */
  slides: Map<number, PageFiles>
  /** The reader's route (/read) beyond the entry's. */
  reader: PageFiles
}
