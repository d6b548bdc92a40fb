/**
 * Jest runs every test in TypeScript (transformed by esbuild, test/support/esbuild-transform.js); integration and
 * browser tests drive dist/ through runtime/. How to keep the suite fast: test/README.md.
 */
module.exports = {
  // Node's environment with an ordinary global object: 3× faster for code that reads globals in hot loops
  // (the formula engine, the runtime). See test/support/fast-node-environment.js.
  testEnvironment: '<rootDir>/test/support/fast-node-environment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': '<rootDir>/test/support/esbuild-transform.js',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 120000,
  // Three workers on two cores: browser tests spend much of their time waiting on Chromium, and a third worker
  // fills those waits (measured in `npm test`, typecheck and lint beside: 5 m 51 s with 3 workers, 6 m 55 s with 2).
  maxWorkers: 3,
  // One Chromium for all browser test files (test/support/chromium-server.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Longest files first, on a first run too (test/support/sequencer.js).
  testSequencer: '<rootDir>/test/support/sequencer.js',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
