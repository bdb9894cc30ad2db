// One mocha config for the root and every package (`--config ../../.mocharc.cjs`): paths are
// absolute so that they resolve the same from any working directory.
const { join } = require('node:path')

module.exports = {
  extension: ['ts'],
  require: [join(__dirname, 'test/rootHooks.ts')],
  timeout: 120000,
  reporter: join(__dirname, 'test/mochaReporter.cjs'),
  exit: true,
  // DEP0123: the `lightning` package dials lnd by IP with a TLS server name, which Node only warns about.
  'node-option': ['disable-warning=DEP0123'],
}
