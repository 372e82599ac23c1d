#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets Mamori up on a fresh Debian 12 machine, as root, from a clone of the
# repository. Everything the project needs is installed here; nothing else.
#
#   sh build-aux/setup-debian.sh app    install, build, install Mamori, run it
#   sh build-aux/setup-debian.sh test   install, build, run every test, then
#                                       again under AddressSanitizer and
#                                       UndefinedBehaviorSanitizer
set -eu

# To build and run the app.
BUILD_PACKAGES="
  meson ninja-build gcc pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libpoppler-glib-dev libpango1.0-dev libcairo2-dev libfontconfig-dev
  libxlsxwriter-dev
  desktop-file-utils shared-mime-info hicolor-icon-theme adwaita-icon-theme librsvg2-common
  fonts-ipaexfont-gothic fonts-noto-cjk fonts-dejavu-core
"
# To test it: a virtual display and session bus, the validators, the
# Japanese locale, clang and its libFuzzer runtime.
TEST_PACKAGES="
  xvfb xauth dbus-daemon appstream libxml2-utils locales python3
  clang libclang-rt-14-dev
"

mode=${1:-}
case "$mode" in
  app)  packages=$BUILD_PACKAGES ;;
  test) packages="$BUILD_PACKAGES $TEST_PACKAGES" ;;
  *)    echo "usage: sh build-aux/setup-debian.sh app|test" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $packages

# meson setup, or set up again from scratch if the folder exists already.
setup () {
  dir=$1
  shift
  if [ -d "$dir" ]; then
    meson setup --wipe "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}

if [ "$mode" = app ]; then
  setup _build --prefix=/usr/local --buildtype=release -Dtests=false
  meson compile -C _build
  meson install -C _build
  exec mamori
fi

# The user interface is tested in Japanese as well as in English.
sed -i -e 's/^# *\(ja_JP.UTF-8 UTF-8\)/\1/' /etc/locale.gen
locale-gen

# Warnings are errors here, so the test build fails on any new one.
setup _build-test --werror
meson test -C _build-test --print-errorlogs

setup _build-sanitize --werror -Db_sanitize=address,undefined -Db_lundef=false
meson test -C _build-sanitize --print-errorlogs
