// One mocha config for the root and every package (`--config ../../.mocharc.cjs`): paths are
// absolute so that they resolve the same from any working directory.
const { join } = require('node:path')

module.exports = {
  extension: ['ts'],
  require: [join(__dirname, 'test/rootHooks.ts')],
  timeout: 120000,
  reporter: join(__dirname, 'test/mochaReporter.cjs'),
  exit: true,
}
