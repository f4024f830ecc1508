// Lets a Node process (a test's child process, a benchmark) run the TypeScript sources directly,
// as Jest does: SWC compiles each file on require, decorators and their metadata included, and
// the workspace libraries resolve to their sources. Use: node -r ./scripts/ts-register.cjs x.ts
const Module = require('node:module');
const path = require('node:path');
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const aliases = {
  '@autobuy/contracts': path.join(root, 'libs/contracts/src/index.ts'),
  '@autobuy/provider-adapters': path.join(root, 'libs/provider-adapters/src/index.ts'),
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};

require.extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
