// `pnpm run knip`: no unused file, dependency or export in the workspace. Entry points are what runs
// or is imported from outside: each package's `exports` map and `bin` (knip reads them from its
// package.json), the tests and the processes tests spawn by path, the benches, the examples, the
// Hardhat config (its plugin) and the mocha root hooks and reporter (the mocha plugin reads
// .mocharc.cjs and the mocha globs of the package.json scripts).
import type { KnipConfig } from 'knip'

const packageEntries = ['src/**/*.test.ts', 'test/**/*.test.ts', 'src/**/testProcesses/*.ts']
const packageProject = ['src/**/*.ts', 'test/**/*.ts']

const config: KnipConfig = {
  // System commands the tests run (util-linux `script` gives the keystore prompt test a terminal;
  // `openssl` makes the rpc probe test's throwaway self-signed certificate).
  ignoreBinaries: ['script', 'openssl'],
  workspaces: {
    '.': {
      entry: [
        'scripts/buildPackage.ts',
        'scripts/checkPackages.ts',
        'scripts/depcruise.ts',
        'scripts/measureInstallSize.ts',
        'scripts/api/updateApiReports.ts',
        'test/**/*.test.ts',
      ],
      project: ['*.ts', 'hardhat/**/*.ts', 'scripts/**/*.ts', 'test/**/*.{ts,cjs}'],
      // scripts/checkPackages.ts runs their binaries by path on the packed tarballs.
      ignoreDependencies: ['publint', '@arethetypeswrong/cli'],
    },
    'packages/*': { entry: packageEntries, project: packageProject },
    // devnet up spawns stackRunner by a path named with its own extension (.ts in src, .js in dist).
    'packages/cli': { entry: [...packageEntries, 'src/processes/stackRunner.ts'], project: packageProject },
    // The signer starts its worker by a path named with its own extension (.ts in src, .js in dist).
    'packages/lightning': {
      entry: [...packageEntries, 'src/minter/signTransactionsWorker.ts'],
      project: packageProject,
    },
    'packages/treasury': {
      entry: packageEntries,
      project: packageProject,
      // readSafeArtifact.ts requires the artifact by a computed path, which knip cannot follow.
      ignoreDependencies: ['@safe-global/safe-contracts'],
    },
    bench: { entry: ['*.bench.ts'], project: ['*.ts'] },
    // The Lambda handlers and the settle subscriber are entry points too: build.ts bundles them by path.
    examples: {
      entry: [
        '*.ts',
        'lambda/build.ts',
        'lambda/invoiceApi.ts',
        'lambda/mintConsumer.ts',
        'lambda/mintWatcher.ts',
        // build/buildSettleSubscriber.ts bundles it by path into settle-subscriber.tar.gz.
        'lambda/settleSubscriber.ts',
        // cdk.json runs it (`node app.ts`).
        'aws-stack/app.ts',
      ],
      project: ['*.ts', 'lambda/**/*.ts', 'aws-stack/*.ts'],
      // test/examples/awsStackApp.test.ts runs its `cdk` binary by path on aws-stack/.
      ignoreDependencies: ['aws-cdk'],
    },
  },
}

export default config
