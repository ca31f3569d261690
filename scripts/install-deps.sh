#!/bin/sh
# Installs the Debian packages (and Python tools) clerk-team needs to build
# and test, skipping what is already there. Safe to run again.
#   libncursesw5-dev, libsqlite3-dev, libssl-dev   headers for ncurses, SQLite, libcrypto (SHA-256)
#   libphonenumber-dev                             Google's libphonenumber: phone numbers that can exist
#   libidn2-dev                                    IDNA: internationalised mail domains in their ASCII form
#   tmux                                           end-to-end tests drive the interface in it
#   man-db                                         the tests render the generated manual page with man -l
#   msmtp, aiosmtpd (PyPI)                         mail delivery tests: a real SMTP client and sink
set -eu

packages="libncursesw5-dev libsqlite3-dev libssl-dev libphonenumber-dev libidn2-dev tmux msmtp man-db"
missing=""
for package in $packages; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ -n "$missing" ]; then
    echo "installing:$missing"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# The SMTP sink is only for the tests: Debian's package first, then pip for a
# python3 that is not the system's; a failure here does not stop the set-up
# (the delivery tests then fail and say what is missing).
if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
    DEBIAN_FRONTEND=noninteractive ${sudo:-} apt-get install -y -qq --no-install-recommends python3-aiosmtpd >/dev/null 2>&1 || true
fi
if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
    python3 -m pip install --quiet --disable-pip-version-check aiosmtpd 2>/dev/null \
        || echo "note: could not install the Python package aiosmtpd; only the mail delivery tests need it" >&2
fi
command -v swift >/dev/null 2>&1 || { echo "swift 6 is required (https://swift.org/install)" >&2; exit 1; }
