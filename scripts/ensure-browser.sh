#!/usr/bin/env bash
# Browser tests need Debian's Chromium and a CJK font (Chinese renders as boxes without one). Install them as
# root when missing; otherwise say exactly what to install (and let the other tests run). Never downloads a browser build of its own.
set -euo pipefail
have_font() { fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy'; }
if [ -x /usr/bin/chromium ] && have_font; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian chromium and fonts-wqy-zenhei for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
else
  # Not fatal: typecheck, lint, unit and integration tests still run; each browser test then fails with this command.
  echo "browser tests need /usr/bin/chromium and a CJK font: sudo apt-get install -y chromium fonts-wqy-zenhei" >&2
fi
