#!/usr/bin/env bash
# Set-up and run in one step, on a fresh Debian/Ubuntu machine or an already prepared one.
#   ./dev.sh build   install what is needed, then build the site (site/) and booklets (booklets/) from the sample content
#   ./dev.sh test    install what is needed (incl. Chromium for browser tests), then run the test suite
# Anything after the first word is passed on (e.g. ./dev.sh test -k search, ./dev.sh build --no-booklets).
set -euo pipefail
cd "$(dirname "$0")"

what="${1:-}"; shift || true
case "$what" in build|test) ;; *) echo "用法: ./dev.sh build|test [参数…]"; exit 2;; esac

# ---- system packages: CJK fonts for booklets and placeholders; Chromium and Poppler for tests ----
missing=()
need() { dpkg -s "$1" >/dev/null 2>&1 || missing+=("$1"); }
need fonts-noto-cjk; need fonts-babelstone-han; need fontconfig  # babelstone: CJK Ext-B…H fallback
need libgs-common  # Ghostscript's ICC profiles: default_cmyk.icc converts photos for the press file (booklet --press)
"${PYTHON:-python3}" -c 'import venv, ensurepip' 2>/dev/null || need python3-venv
if [ "$what" = test ]; then
  need chromium; need poppler-utils
  command -v npm >/dev/null || { need nodejs; need npm; }
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> 安装系统软件包: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ---- Python packages in .venv, reinstalled only when pyproject.toml changes ----
py="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$py" -m venv .venv
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "==> 安装 Python 依赖"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  rm -f .venv/.installed-*; touch "$stamp"
fi

# ---- axe-core for accessibility tests, from the npm registry (never a browser download) ----
if [ "$what" = test ] && [ -f package.json ] && [ ! -d node_modules/axe-core ]; then
  echo "==> 安装 axe-core"
  npm ci --silent --no-audit --no-fund 2>/dev/null || npm install --silent --no-audit --no-fund
fi

if [ "$what" = build ]; then
  exec .venv/bin/fengcai build "$@"
fi
exec .venv/bin/python -m pytest "$@"
