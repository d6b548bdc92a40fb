#!/usr/bin/env node
// `npx salesdesk ...`: runs the TypeScript CLI through tsx, so no separate compile step is needed.
require('tsx/cjs');
const { main } = require('../cli/salesdesk.ts');
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
