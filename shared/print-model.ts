// The print route's page plan and the manifest it publishes for printPdf (scripts/lib/print.ts). Pure
// data, no DOM and no Slidev imports, so Node (the scripts, the tests) and the browser (the route)
// share it. One file for each job, in shared/print-model/; this one is their common entry.

export * from './print-model/cover.ts'
export * from './print-model/manifest.ts'
export * from './print-model/page.ts'
export * from './print-model/sheets.ts'
