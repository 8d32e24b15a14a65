// Stands in for @types/node in tsconfig.browser.json and tsconfig.pure.json (their typeRoots start
// here). Packages those files import reference Node's types (`/// <reference types="node" />`: Vite's,
// through Slidev's types; qrcode's); this answers for them with nothing, so `process`, `Buffer` and
// `node:` imports stay errors in the deck's code and in the pure layer. Their own declarations that
// use Node's types are not checked (skipLibCheck).
export {}
