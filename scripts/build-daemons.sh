#!/usr/bin/env bash
# Builds the real daemons the devnet runs (geth, btcd/btcctl, lnd/lncli) from their Go modules
# into a cache directory that outlives the checkout. Idempotent: a binary already in the cache
# is not rebuilt. Versions are pinned here and read by @chainops/devnet (daemons.json).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cache="${CHAINOPS_CACHE:-$HOME/.cache/chainops}"
versions="$here/packages/devnet/daemons.json"
ver() { sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p" "$versions"; }
GETH_VERSION="$(ver geth)"; BTCD_VERSION="$(ver btcd)"; LND_VERSION="$(ver lnd)"; RIE_VERSION="$(ver aws-lambda-rie)"
mkdir -p "$cache/bin" "$cache/logs"
only="${1:-all}"
# Two setups at once (a developer and CI on one machine) must not build into the same place.
exec 9>"$cache/.build.lock"
flock 9

command -v go >/dev/null 2>&1 || { echo "setup: Go is missing (need go >= 1.22 on PATH to build geth, btcd and lnd)" >&2; exit 1; }

fail() { # name log
  echo "setup: building $1 failed; last lines of $2:" >&2
  tail -n 30 "$2" >&2
  exit 1
}

build_geth() {
  local dir="$cache/bin/geth-$GETH_VERSION" log="$cache/logs/geth-$GETH_VERSION.log"
  [ -x "$dir/geth" ] && return 0
  mkdir -p "$dir.tmp"
  # geth 1.13 links github.com/fjl/memsize through go:linkname, which Go >= 1.23 refuses by default.
  GOBIN="$dir.tmp" GOFLAGS=-buildvcs=false CGO_ENABLED=1 \
    go install -ldflags=-checklinkname=0 "github.com/ethereum/go-ethereum/cmd/geth@$GETH_VERSION" >"$log" 2>&1 \
    || fail geth "$log"
  rm -rf "$dir"; mv "$dir.tmp" "$dir"
}

build_btcd() {
  local dir="$cache/bin/btcd-$BTCD_VERSION" log="$cache/logs/btcd-$BTCD_VERSION.log"
  [ -x "$dir/btcd" ] && [ -x "$dir/btcctl" ] && return 0
  mkdir -p "$dir.tmp"
  { GOBIN="$dir.tmp" go install "github.com/btcsuite/btcd@$BTCD_VERSION" &&
    GOBIN="$dir.tmp" go install "github.com/btcsuite/btcd/cmd/btcctl@$BTCD_VERSION"; } >"$log" 2>&1 \
    || fail btcd "$log"
  rm -rf "$dir"; mv "$dir.tmp" "$dir"
}

build_lnd() {
  local dir="$cache/bin/lnd-$LND_VERSION" log="$cache/logs/lnd-$LND_VERSION.log"
  [ -x "$dir/lnd" ] && [ -x "$dir/lncli" ] && return 0
  # lnd's go.mod has replace directives, so `go install lnd@tag` refuses it: build it from a
  # wrapper module that requires lnd and repeats its replaces.
  local mod="$cache/src/lnd-$LND_VERSION"
  rm -rf "$mod"; mkdir -p "$mod" "$dir.tmp"
  cat >"$mod/go.mod" <<MOD
module chainops.local/lndbuild

go 1.25

require github.com/lightningnetwork/lnd $LND_VERSION

replace github.com/ulikunitz/xz => github.com/ulikunitz/xz v0.5.11

replace github.com/gogo/protobuf => github.com/gogo/protobuf v1.3.2

replace google.golang.org/protobuf => github.com/lightninglabs/protobuf-go-hex-display v1.33.0-hex-display
MOD
  cat >"$mod/tools.go" <<'GO'
//go:build tools

package tools

import (
	_ "github.com/lightningnetwork/lnd/cmd/lncli"
	_ "github.com/lightningnetwork/lnd/cmd/lnd"
)
GO
  local tags="signrpc walletrpc chainrpc invoicesrpc peersrpc neutrinorpc"
  ( cd "$mod" &&
    GOFLAGS=-mod=mod go mod tidy -e &&
    GOFLAGS=-mod=mod go build -tags "$tags" -o "$dir.tmp/lnd" github.com/lightningnetwork/lnd/cmd/lnd &&
    GOFLAGS=-mod=mod go build -tags "$tags" -o "$dir.tmp/lncli" github.com/lightningnetwork/lnd/cmd/lncli ) >"$log" 2>&1 \
    || fail lnd "$log"
  rm -rf "$dir"; mv "$dir.tmp" "$dir"
}

# The AWS Lambda Runtime Interface Emulator: the Lambda runtime API the bundled handlers run
# behind in the Lambda emulator test (test/lambda), with aws-lambda-ric (an npm dev dependency).
build_rie() {
  local dir="$cache/bin/aws-lambda-rie-$RIE_VERSION" log="$cache/logs/aws-lambda-rie-$RIE_VERSION.log"
  [ -x "$dir/aws-lambda-rie" ] && return 0
  mkdir -p "$dir.tmp"
  GOBIN="$dir.tmp" GOFLAGS=-buildvcs=false \
    go install "github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@$RIE_VERSION" >"$log" 2>&1 \
    || fail aws-lambda-rie "$log"
  rm -rf "$dir"; mv "$dir.tmp" "$dir"
}

case "$only" in
  geth) build_geth ;; btcd) build_btcd ;; lnd) build_lnd ;; aws-lambda-rie) build_rie ;;
  all) build_geth; build_btcd; build_lnd; build_rie ;;
  *) echo "usage: build-daemons.sh [geth|btcd|lnd|aws-lambda-rie|all]" >&2; exit 2 ;;
esac
