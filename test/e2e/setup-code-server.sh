#!/usr/bin/env bash
# Installs what the end-to-end tests need, offline except for the npm and Debian registries:
#   - Debian packages: chromium (the browser), libkrb5-dev (to rebuild VS Code's kerberos module),
#     ripgrep (VS Code's search; its npm postinstall would download a binary) and fonts-noto-cjk
#     (so Chinese renders in screenshots); libreoffice-writer-nogui, poppler-utils and
#     fonts-arphic-ukai for the Word export test (test/unit/docx-libreoffice.test.ts; about a
#     minute of apt on a fresh machine, measured 57 s + 9 s);
#   - code-server (a real VS Code served to a browser) in a cache folder OUTSIDE the repository,
#     keyed by version and reused when complete.
# Idempotent: when everything is present it only checks and prints the paths.
# Prints the code-server folder on its last line (the e2e tests read REPORTLINT_E2E_CACHE too).
set -euo pipefail

CODE_SERVER_VERSION="${REPORTLINT_CODE_SERVER_VERSION:-4.100.3}"
CACHE="${REPORTLINT_E2E_CACHE:-$HOME/.cache/reportlint-e2e}"
DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
MARKER="$DIR/.reportlint-complete"
APT_PACKAGES=(chromium libkrb5-dev ripgrep fonts-noto-cjk libreoffice-writer-nogui poppler-utils fonts-arphic-ukai)

log() { echo "[e2e-setup] $*" >&2; }

# --- Debian packages ------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
      log "ERROR: missing Debian packages (${missing[*]}) and not root. Run: sudo apt-get install -y ${missing[*]}"
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Other processes may hold the dpkg lock for a while; apt waits for it with this option.
  "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q >&2
  "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}" >&2
fi

# --- code-server ----------------------------------------------------------------------------
if [[ -f "$MARKER" ]]; then
  log "code-server $CODE_SERVER_VERSION ready in $DIR"
  echo "$DIR"
  exit 0
fi

mkdir -p "$CACHE"
# One installer at a time (several worktrees may share the cache).
exec 9>"$CACHE/.lock-$CODE_SERVER_VERSION"
if ! flock -w 1800 9; then log "ERROR: timed out waiting for another installer ($CACHE)"; exit 1; fi
if [[ -f "$MARKER" ]]; then echo "$DIR"; exit 0; fi

log "installing code-server $CODE_SERVER_VERSION into $DIR (a few minutes, once)"
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
# node-gyp needs Node's headers; Debian's nodejs ships them, so point at them instead of downloading.
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node.h ]]; then export npm_config_nodedir=/usr; fi
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

echo '{"name":"reportlint-e2e-code-server","private":true}' > package.json
npm install --no-save --ignore-scripts "code-server@$CODE_SERVER_VERSION" >&2

VS="$DIR/node_modules/code-server/lib/vscode"
(
  cd "$VS"
  npm install --omit=dev --ignore-scripts >&2
  npm_config_yes=true npm rebuild kerberos @vscode/spdlog native-watchdog node-pty @vscode/deviceid >&2
  # @vscode/ripgrep's postinstall downloads a binary: use Debian's ripgrep instead.
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
  ln -sfn node_modules node_modules.asar
  cd extensions
  npm install --omit=dev >&2
)
npm rebuild argon2 >&2 || (cd node_modules/code-server && npm rebuild argon2 >&2)

node node_modules/code-server/out/node/entry.js --version >&2
touch "$MARKER"
log "code-server $CODE_SERVER_VERSION ready in $DIR"
echo "$DIR"
