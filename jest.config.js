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
  // Two cores: more workers only thrash, and the browser tests start Chromium.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
