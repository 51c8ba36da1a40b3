#!/usr/bin/env bash
# The Debian packages `npm start` and `npm test` need beyond npm, checked before any long step:
#   build     — what code-server's native modules compile with (g++, make, python3, and the
#               Kerberos headers of libkrb5-dev: without them the build fails after minutes with
#               "gyp ERR! ... kerberos");
#   chromium  — the browser the e2e suite drives the workbench with;
#   azure-cli — the independent client the cli suite runs against the local Azure.
# Usage: system-packages.sh build|chromium|azure-cli ...
# Missing packages are installed where the user may (root, or sudo without a password, as on CI);
# otherwise one line names the exact command, and the script fails before anything long starts.
# ACG_SYSTEM_ROOT prefixes the header path (the unit test points it at an empty folder).
set -euo pipefail
root="${ACG_SYSTEM_ROOT:-}"

missing=()
for need in "$@"; do
  case "$need" in
    build)
      command -v g++ >/dev/null 2>&1 || missing+=(g++)
      command -v make >/dev/null 2>&1 || missing+=(make)
      command -v python3 >/dev/null 2>&1 || missing+=(python3)
      [ -f "$root/usr/include/gssapi/gssapi.h" ] || missing+=(libkrb5-dev)
      ;;
    chromium)
      if [ -n "${CHROMIUM_PATH:-}" ]; then [ -x "$CHROMIUM_PATH" ] || missing+=(chromium); else command -v chromium >/dev/null 2>&1 || missing+=(chromium); fi
      ;;
    azure-cli)
      command -v az >/dev/null 2>&1 || missing+=(azure-cli)
      ;;
    *)
      echo "system-packages.sh: unknown need '$need' (build, chromium or azure-cli)" >&2
      exit 2
      ;;
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0

install="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "[setup] Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get update && sudo $install" >&2
  exit 1
fi
echo "[setup] installing Debian packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
