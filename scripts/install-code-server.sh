#!/usr/bin/env bash
# Installs a real VS Code (code-server 4.100.3 = VS Code 1.100.3) plus Debian's Chromium for the
# end-to-end tests, following shared/recipes/code-server.md. Idempotent: the Debian packages are
# installed only when missing, and the code-server tree under .cache/code-server is built once;
# a stamp file marks a completed build so later runs return in well under a second.
#
# Runs non-interactively as root (CI=true, no stdin). Override the cache folder with
# ROUTEWISE_CODE_SERVER_DIR; force a rebuild with ROUTEWISE_CODE_SERVER_REBUILD=1.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
DEBIAN_PACKAGES=(chromium libkrb5-dev ripgrep)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${ROUTEWISE_CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
STAMP="$CACHE/.routewise-installed"
STAMP_CONTENT="code-server@$CODE_SERVER_VERSION node$NODE_MAJOR $(uname -m)"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
log() { printf '[install-code-server] %s\n' "$*" >&2; }

T_START="$(now)"

if [ "$NODE_MAJOR" != 20 ]; then
  log "warning: code-server $CODE_SERVER_VERSION expects Node 20, this is Node $(node -v)"
fi

# --- 1. Debian packages (only when one is missing) ---------------------------------------------
missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  t="$(now)"
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then SUDO=(sudo -n); else log "need root to apt-get install ${missing[*]}"; exit 1; fi
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq </dev/null
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  log "Debian packages installed in $(elapsed "$t") s"
fi

# --- 2. code-server tree (once, guarded by the stamp) ----------------------------------------
mkdir -p "$(dirname "$CACHE")"
exec 9>"$(dirname "$CACHE")/.code-server.lock"
flock 9   # two test runs starting at once must not build into the same folder

if [ "${ROUTEWISE_CODE_SERVER_REBUILD:-}" != 1 ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_CONTENT" ] \
  && [ -x "$CACHE/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in ${CACHE#"$ROOT"/} ($(elapsed "$T_START") s)"
  exit 0
fi

step() { # step "title" command...
  local title="$1" t; shift
  t="$(now)"
  "$@"
  log "$title: $(elapsed "$t") s"
}

export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=error npm_config_progress=false

rm -rf "$CACHE"
mkdir -p "$CACHE"
cd "$CACHE"
npm init -y >/dev/null
step "npm install code-server@$CODE_SERVER_VERSION" \
  npm install "code-server@$CODE_SERVER_VERSION" --ignore-scripts --no-audit --no-fund </dev/null

VSCODE="$CACHE/node_modules/code-server/lib/vscode"
cd "$VSCODE"
step "npm install (VS Code server deps)" npm install --omit=dev --ignore-scripts --no-audit --no-fund </dev/null
step "npm rebuild native modules" \
  npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/sqlite3 </dev/null >/dev/null
# The postinstall would download ripgrep from the internet: use Debian's instead.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && step "npm install (built-in extensions deps)" npm install --omit=dev --no-audit --no-fund </dev/null >/dev/null)
# argon2's install script would download a prebuilt binary: build it from source instead.
(cd "$CACHE/node_modules/argon2" && step "build argon2" npx --yes node-pre-gyp rebuild </dev/null >/dev/null)

# --config keeps code-server from writing ~/.config/code-server/config.yaml.
version="$("$CACHE/node_modules/.bin/code-server" --config "$CACHE/config.yaml" --version </dev/null 2>&1 | grep -v ' info ' | head -1 || true)"
case "$version" in "$CODE_SERVER_VERSION "*) ;; *) log "code-server does not run: '$version'"; exit 1 ;; esac
log "code-server --version: $version"
printf '%s' "$STAMP_CONTENT" >"$STAMP"
log "code-server $CODE_SERVER_VERSION installed in ${CACHE#"$ROOT"/}: total $(elapsed "$T_START") s"
