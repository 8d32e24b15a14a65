declare module 'virtual:recap-reader-index' {
  import type { ReaderIndexData } from './search.ts'

  const data: ReaderIndexData
  export default data
}
