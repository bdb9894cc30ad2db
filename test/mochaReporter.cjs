// mocha's spec reporter plus one closing line in the plain form CI reads:
// "tests: N passed, N failed, N skipped".
const Spec = require('mocha/lib/reporters/spec')

class ChainopsReporter extends Spec {
  constructor(runner, options) {
    super(runner, options)
    runner.once('end', () => {
      const { passes, failures, pending } = this.stats
      process.stdout.write(`\ntests: ${passes} passed, ${failures} failed, ${pending} skipped\n`)
    })
  }
}

module.exports = ChainopsReporter
