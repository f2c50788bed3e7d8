#!/usr/bin/env bash
# The one test command: installs what the tests need on a fresh machine, then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."

# Browser tests drive Debian's Chromium (no browser download by Playwright).
if ! command -v chromium >/dev/null 2>&1; then
  echo "tests/test.sh: installing Debian's chromium for the browser tests"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi

# Pagefind (search index) comes from npm, pinned by site/package-lock.json.
if [ ! -d site/node_modules ]; then
  (cd site && npm ci --ignore-scripts --no-audit --no-fund)
fi

dotnet test HipaaDev.sln "$@"
