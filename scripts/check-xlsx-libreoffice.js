// The checks of check-xlsx-libreoffice.sh on what LibreOffice made of the demo workbook (plain Node, no build).
/* global console -- a plain Node script, like bin/salesdesk.js */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const JSZip = require('jszip');

async function main(out) {
  const results = [];
  const check = (name, ok, detail) => {
    results.push(ok);
    console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
  };
  const ods = await JSZip.loadAsync(fs.readFileSync(path.join(out, 'demo.ods')));
  const content = await ods.file('content.xml').async('string');
  const tables = [...content.matchAll(/<table:table table:name="([^"]*)"[\s\S]*?<\/table:table>/g)];
  const dashboard = tables.find((t) => t[1] === 'Dashboard');
  const charts = dashboard ? (dashboard[0].match(/<draw:object /g) ?? []).length : 0;
  check('Dashboard has its 3 charts in LibreOffice', charts === 3, `${charts} chart objects`);

  // Column styles: name → width in inches; the Dashboard's columns are all left at the default.
  const widths = Object.fromEntries(
    [
      ...content.matchAll(
        /style:name="(co\d+)"[^>]*><style:table-column-properties[^>]*style:column-width="([\d.]+)in"/g,
      ),
    ].map((m) => [m[1], Number(m[2]) * 96]),
  );
  const firstColumn = dashboard && /<table:table-column table:style-name="(co\d+)"/.exec(dashboard[0]);
  const px = firstColumn ? widths[firstColumn[1]] : 0;
  check(
    "columns left at Sheets' default are ~100 px (not ~64)",
    px >= 95 && px <= 110,
    `${px.toFixed(1)} px`,
  );

  const read = (file) => fs.readFileSync(file, 'utf8').split('\n');
  const values = read(path.join(out, 'values', 'demo-Customers.csv'));
  const live = read(path.join(out, 'live', 'live-Customers.csv'));
  let cells = 0;
  let differ = 0;
  values.forEach((line, r) => {
    const a = line.split(',');
    const b = (live[r] ?? '').split(',');
    a.forEach((cell, c) => {
      cells++;
      if (cell !== b[c]) differ++;
    });
  });
  check(
    'live tier formulas show the same Customers as Refresh tiers',
    differ === 0,
    `${differ} of ${cells} cells differ`,
  );
  check(
    'Dashboard rendered',
    fs.existsSync(path.join(out, 'dashboard.png')),
    path.join(out, 'dashboard.png'),
  );
  const failed = results.filter((ok) => !ok).length;
  console.log(`libreoffice: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main(process.argv[2]).catch((error) => {
  console.error(error);
  process.exit(1);
});
