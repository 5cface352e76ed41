#!/bin/sh
# Installs Debian's chromium for the dashboard's browser tests
# (dev/dashboard_browser_test.go) when it is missing; quiet and idempotent.
set -e
command -v chromium >/dev/null 2>&1 && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "chromium is missing and there is no apt-get: install chromium by hand for the dashboard's browser tests" >&2
	exit 1
fi
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "installing chromium (Debian package) for the dashboard's browser tests" >&2
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
