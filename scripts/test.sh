#!/usr/bin/env bash
# Runs every check and test with the project's own Node: types, lint, then the mocha suite
# (unit and integration; integration suites start real daemons once per run).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$root/.tools/node/bin:$PATH"
[ -x .tools/node/bin/node ] || { echo "test: run scripts/setup.sh first" >&2; exit 2; }
# Contracts are compiled first (offline, local solc): the typecheck reads the typed artifacts
# (artifacts/**/*.d.ts) that tests use for contract calls, and Hardhat's in-process artifact
# manager lists artifacts once, so suites must find them in place on a fresh clone.
echo "test: hardhat build"; pnpm -s exec hardhat build --quiet
echo "test: typecheck"; pnpm -s run typecheck
echo "test: lint"; pnpm -s run lint
echo "test: dependency rules"; pnpm -s run depcruise
echo "test: unused files, dependencies and exports"; pnpm -s run knip
echo "test: packed packages (publint, attw --profile esm-only)"; node scripts/checkPackages.ts
echo "test: API reference (typedoc, warnings are errors)"; pnpm -s run docs
echo "test: mocha"; if [ $# -gt 0 ]; then pnpm -s exec mocha "$@"; else pnpm -s run test; fi
