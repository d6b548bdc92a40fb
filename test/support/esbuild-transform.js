/**
 * Jest transform: TypeScript to CommonJS with esbuild (already a build dependency), file by file. Type checking is
 * `npm run typecheck`'s job (tsconfig has isolatedModules, so every file compiles on its own, as ts-jest's
 * transpile-only mode did); esbuild does it in about a millisecond a file where ts-jest loaded TypeScript into
 * every worker. Same language settings as the bundle: target ES2020 (no define-semantics class fields), JSX for
 * preact; `import()` as `require()`. Source maps are inline so stack traces point at the .ts lines.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const { transformSync, version } = require('esbuild');

const tsconfig = JSON.parse(fs.readFileSync(require.resolve('../../tsconfig.json'), 'utf8'));
const thisFile = fs.readFileSync(module.filename, 'utf8');

const options = (filename) => ({
  loader: filename.endsWith('.tsx') ? 'tsx' : filename.endsWith('.ts') ? 'ts' : 'js',
  format: 'cjs',
  target: 'node20',
  // import() becomes require() as under ts-jest: jest runs CommonJS (without --experimental-vm-modules).
  supported: { 'dynamic-import': false },
  sourcemap: 'inline',
  sourcefile: filename,
  tsconfigRaw: { compilerOptions: tsconfig.compilerOptions },
});

module.exports = {
  process(source, filename) {
    return { code: transformSync(source, options(filename)).code };
  },
  getCacheKey(source, filename, transformOptions) {
    return crypto
      .createHash('sha1')
      .update(version)
      .update('\0')
      .update(thisFile)
      .update('\0')
      .update(JSON.stringify(tsconfig.compilerOptions))
      .update('\0')
      .update(transformOptions.configString)
      .update('\0')
      .update(filename)
      .update('\0')
      .update(source)
      .digest('hex');
  },
};
