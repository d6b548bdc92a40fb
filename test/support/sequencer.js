/**
 * Jest's order (test files that failed last time, then the longest first, from its cache of the last run's times),
 * with a fallback for a first run: on a fresh checkout (CI, a newcomer) jest has no times and would order by file
 * size, which left a 20-second file for the end on one worker. Files without a time take the seconds measured here
 * (`npm test`, idle 2-core machine; any file not listed: 1 s), so the long files start first either way.
 */
const Sequencer = require('@jest/test-sequencer').default;
const path = require('node:path');

/** Seconds per file (relative to test/) in a full run, for when jest has none of its own. */
const MEASURED = {
  'integration/merge-faults.test.ts': 24,
  'integration/setup-faults.test.ts': 21,
  'integration/clasp.test.ts': 18,
  'integration/assign-faults.test.ts': 17,
  'browser/forms.test.ts': 14,
  'integration/checks.test.ts': 12,
  'integration/reminders-faults.test.ts': 12,
  'integration/merge.test.ts': 11,
  'browser/a11y-zh-CN.test.ts': 11,
  'integration/assign-routing-faults.test.ts': 11,
  'integration/assign.test.ts': 11,
  'browser/a11y-en.test.ts': 10,
  'integration/workbook-language.test.ts': 10,
  'integration/cli.test.ts': 9,
  'integration/template.test.ts': 8,
  'integration/live-tiers.test.ts': 8,
  'integration/phones.test.ts': 8,
  'integration/live-tiers-xlsx.test.ts': 8,
  'integration/assign-scale.test.ts': 7,
  'integration/roles.test.ts': 7,
  'browser/choices-language.test.ts': 7,
  'browser/service.test.ts': 6,
  'integration/backup.test.ts': 6,
  'integration/demo.test.ts': 6,
  'unit/runtime/concurrency.test.ts': 5,
};

class SlowFirstSequencer extends Sequencer {
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const relative = path.relative(path.join(__dirname, '..'), test.path).split(path.sep).join('/');
    return (MEASURED[relative] ?? 1) * 1000;
  }
}

module.exports = SlowFirstSequencer;
