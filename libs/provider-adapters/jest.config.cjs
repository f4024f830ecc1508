module.exports = {
  ...require('../../jest.preset.cjs'),
  rootDir: __dirname,
  globalSetup: '<rootDir>/test/global-setup.ts',
  // Browser suites share two cores with the Sandbox processes they start.
  maxWorkers: 2,
};
