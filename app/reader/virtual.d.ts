declare module 'virtual:recap-reader-index' {
  import type { ReaderIndexData } from '../../shared/search.ts'

  const data: ReaderIndexData
  export default data
}
