#!/usr/bin/env bash
# Headless Chromium (and its driver) plus CJK fonts for the browser tests: Data Docs offline,
# the Superset dashboard. Debian's packages; installed only when missing, so a warm machine pays nothing.
set -euo pipefail
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || packages+=(fonts-noto-cjk)
if [ ${#packages[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "ensure_browser: need root to install ${packages[*]} (apt-get); install them and rerun" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" fontconfig >/dev/null
echo "ensure_browser: installed ${packages[*]}"
