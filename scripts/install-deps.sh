#!/bin/sh
# Installs the Debian packages (and Python tools) clerk-team needs to build
# and test, skipping what is already there. Safe to run again.
set -eu

packages="libncursesw5-dev libsqlite3-dev tmux"
missing=""
for package in $packages; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ -n "$missing" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing:$missing"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "swift 6 is required (https://swift.org/install)" >&2; exit 1; }
