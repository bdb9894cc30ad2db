// The dependency rules of the workspace (DESIGN.md, "Layout"): dependencies point one way,
// cli and examples -> feature packages -> core; devnet and the test kit serve tests, never library
// code. Workspace packages resolve through their node_modules symlinks to packages/<name>/src, so
// every rule below speaks of real paths. Run: `pnpm run depcruise`.

// Library code: what a package ships and a user's process runs. Tests, the processes tests spawn
// and the `/testing` subpaths are not library code (the last is shipped, but for tests only).
const library = '^packages/[^/]+/src/'
const notLibrary = ['\\.test\\.ts$', '/testProcesses/', '^packages/[^/]+/src/testing/']
const testCode = ['\\.test\\.ts$', '/testProcesses/', '^packages/[^/]+/test/']
const features = '(clique|lightning|treasury)'

/** The rule that `pkg` (its tests included) imports no workspace package but itself and `allowed`. */
function importsOnly(name, pkg, allowed, comment) {
  return {
    name,
    severity: 'error',
    comment,
    from: { path: `^packages/${pkg}/` },
    to: { path: '^packages/[^/]+/', pathNot: `^packages/(${[...allowed, pkg].join('|')})/` },
  }
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module may not reach itself through imports that run (a cycle of value imports).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-types',
      severity: 'error',
      comment:
        'No cycle through type-only imports either: declaration files follow them, and a type that two ' +
        'files need lives in its own file (e.g. an options type beside the function that validates it).',
      from: {},
      to: { circular: true, via: { dependencyTypes: ['type-only'] } },
    },
    // No cycle between packages is checked by scripts/depcruise.ts (findPackageCycles). The rules below
    // also make one impossible: they allow only core <- clique <- devnet <- testkit <- the tests of
    // lightning, treasury and dvt, treasury <- dvt, and everything <- cli.
    importsOnly(
      'core-imports-no-package',
      'core',
      [],
      '@chainops/core is the foundation: it imports no other @chainops package, not even in its tests.',
    ),
    {
      name: 'feature-imports-only-core',
      severity: 'error',
      comment: 'A feature package (clique, lightning, treasury) builds on @chainops/core only.',
      from: { path: `^packages/${features}/src/`, pathNot: notLibrary },
      to: { path: '^packages/[^/]+/', pathNot: ['^packages/core/', '^packages/$1/'] },
    },
    {
      name: 'dvt-imports-core-treasury',
      severity: 'error',
      comment:
        '@chainops/dvt builds on @chainops/core and on @chainops/treasury, where DESIGN.md puts the keys it ' +
        'starts from: the BIP-39 seed and the DVTNodeKeys tier that holds the Obol and SSV operator EOAs.',
      from: { path: '^packages/dvt/src/', pathNot: notLibrary },
      to: { path: '^packages/[^/]+/', pathNot: '^packages/(core|treasury|dvt)/' },
    },
    {
      name: 'feature-tests-import-core-devnet-testkit',
      severity: 'error',
      comment:
        'The tests of treasury and dvt use their own code, @chainops/core, @chainops/devnet and @chainops/testkit ' +
        "(dvt's also @chainops/treasury); lightning's also use @chainops/clique (the geth config the minter's " +
        'txpool limits go into).',
      from: { path: '^packages/(treasury|dvt)/' },
      to: {
        path: '^packages/[^/]+/',
        pathNot: ['^packages/(core|devnet|testkit)/', '^packages/$1/', '^packages/treasury/'],
      },
    },
    importsOnly(
      'clique-imports-only-core',
      'clique',
      ['core'],
      '@chainops/clique, tests included, uses only @chainops/core: devnet and the test kit build on clique ' +
        '(its daemon-backed suites live in the root test/clique).',
    ),
    importsOnly(
      'lightning-tests-import-core-clique-devnet-testkit',
      'lightning',
      ['core', 'clique', 'devnet', 'testkit'],
      'See feature-tests-import-core-devnet-testkit.',
    ),
    {
      name: 'aws-stack-imports-core-clique-lightning',
      severity: 'error',
      comment:
        '@chainops/aws-stack turns the plans of @chainops/clique and the issuance settings of @chainops/lightning ' +
        'into CDK constructs; it builds on those and @chainops/core only (its tests may also use devnet and the test kit).',
      from: { path: '^packages/aws-stack/', pathNot: testCode },
      to: { path: '^packages/[^/]+/', pathNot: '^packages/(core|clique|lightning|aws-stack)/' },
    },
    importsOnly(
      'devnet-imports-core-clique',
      'devnet',
      ['core', 'clique'],
      '@chainops/devnet, the daemon harness, builds on @chainops/core and @chainops/clique only.',
    ),
    importsOnly(
      'testkit-imports-core-clique-devnet',
      'testkit',
      ['core', 'clique', 'devnet'],
      '@chainops/testkit serves the tests of every feature package, so it may not import one of them ' +
        '(that would be a package cycle through the tests).',
    ),
    {
      name: 'cli-not-to-testkit',
      severity: 'error',
      comment: 'The chainops command may use every package except the test kit (its tests may).',
      from: { path: '^packages/cli/src/', pathNot: testCode },
      to: { path: '^packages/testkit/' },
    },
    {
      name: 'library-not-to-devnet-or-testkit',
      severity: 'error',
      comment:
        'Library code never imports the daemon harness or the test kit (devnet itself and the CLI may use devnet).',
      from: { path: library, pathNot: [...notLibrary, '^packages/(devnet|cli|testkit)/'] },
      to: { path: '^packages/(devnet|testkit)/' },
    },
    {
      name: 'library-not-to-testing',
      severity: 'error',
      comment: 'Library code never imports a `/testing` subpath (test doubles, contract suites); the CLI may.',
      from: { path: library, pathNot: [...notLibrary, '^packages/(cli|testkit)/'] },
      to: { path: '^packages/[^/]+/src/testing/' },
    },
    {
      name: 'library-not-to-tests',
      severity: 'error',
      comment: 'Library code (the CLI included) never imports a test file, a test process or a test folder.',
      from: { path: library, pathNot: notLibrary },
      to: { path: [...testCode, '^test/'] },
    },
    {
      name: 'library-not-to-dev-dependency',
      severity: 'error',
      comment: "Library code imports only its package's dependencies, never a devDependency (a user does not have it).",
      from: { path: library, pathNot: [...notLibrary, '^packages/testkit/'] },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'only-through-exports',
      severity: 'error',
      comment: "A package never reaches into another's files by a relative path: only through its exports.",
      from: { path: '^packages/([^/]+)/' },
      to: { dependencyTypes: ['local'], path: '^packages/', pathNot: '^packages/$1/' },
    },
    {
      name: 'root-only-through-exports',
      severity: 'error',
      comment: 'Root tests, benches, examples and the Hardhat config use the packages through their exports.',
      from: { path: '^(test|bench|examples|hardhat)/|^hardhat\\.config\\.ts$' },
      to: { dependencyTypes: ['local'], path: '^packages/' },
    },
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      comment: 'The chainops command is the top of the graph: no package imports it.',
      from: { path: '^packages/(?!cli/)' },
      to: { path: '^packages/cli/' },
    },
    {
      name: 'nothing-imports-entry-scripts',
      severity: 'error',
      comment: 'Examples and benches are run, never imported.',
      from: { pathNot: '^(examples|bench)/' },
      to: { path: '^(examples|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves (a workspace package that is not declared does not).',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: "Every package a module imports is declared in its package's package.json.",
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    // Type-only imports are dependencies too: a declaration file follows them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)node_modules/', '(^|/)dist/', '^\\.tools/', '^\\.venv/', '^artifacts/', '^cache/'] },
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'types', 'default'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
