#!/usr/bin/env bash
# Debian packages Aizuchi needs outside Python: the libraries Qt loads even
# offscreen, the X libraries for a real window under Xvfb, and a Japanese font
# (without one every label is a row of tofu boxes).
# As root: installs whatever is missing. Otherwise: prints the apt-get line.
set -euo pipefail

PACKAGES=(
  # Qt, even with QT_QPA_PLATFORM=offscreen
  libegl1 libgl1 libx11-6 libxkbcommon0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  # a real window (xcb) and the virtual screen used for screenshots
  xvfb xauth libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render0 libxcb-render-util0
  libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
  # the customer memory's team mode: tests start a real PostgreSQL server on 127.0.0.1
  postgresql
  # Japanese text
  fonts-ipaexfont-gothic
  # real mail servers for the tests (Dovecot) and mbsync for `make bench`
  dovecot-imapd isync
  # customers write emoji (🌷🙏); without a colour emoji font they show as empty boxes
  fonts-noto-color-emoji
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing Debian packages. Please run:"
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}"
  exit 1
fi
