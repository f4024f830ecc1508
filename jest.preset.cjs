// Shared Jest settings: SWC compiles TypeScript (decorators and their metadata included, which
// Nest needs), and workspace libraries resolve to their sources so tests never need a build.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@autobuy/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    '^@autobuy/provider-adapters$': path.join(root, 'libs/provider-adapters/src/index.ts'),
  },
  testRegex: '.*\\.spec\\.ts$',
};
