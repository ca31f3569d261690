#!/usr/bin/env bash
# What the invitation feature needs to build and test, for .ci/run to call
# before 'swift build' (merge into .ci/run):
#   libssl-dev  libcrypto headers for the CCrypto system library (SHA-256)
#   msmtp       the sendmail-compatible client the SMTP delivery tests drive
#   aiosmtpd    the Python SMTP server Tests/Support/smtp_sink.py runs on loopback
# The SMTP tests fail (never skip) when msmtp or aiosmtpd is missing.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

missing=()
dpkg -s libssl-dev >/dev/null 2>&1 || missing+=(libssl-dev)
command -v msmtp >/dev/null 2>&1 || missing+=(msmtp)
if [ "${#missing[@]}" -gt 0 ]; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
python3 -c 'import aiosmtpd' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check aiosmtpd
