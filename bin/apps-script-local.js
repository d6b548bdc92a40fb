#!/usr/bin/env node
// `npx apps-script-local ...`: runs the local Apps Script runtime's command line through tsx (no compile step).
require('tsx/cjs');
const { main } = require('../runtime/cli.ts');
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
