#!/usr/bin/env bash
# The project's one test command: bash tests/run.sh [dotnet test options, e.g. --filter FullyQualifiedName~Browser]
#
# Works on a fresh Debian machine with only the .NET 10 SDK and Node.js 20. The tests also need
# Java (the Nu HTML Checker, vnu.jar, runs on it) and Debian's Chromium (the browser tests drive
# /usr/bin/chromium, or $CHROMIUM_PATH when it is set; Playwright's own browser downloads are never
# used). As root, this installs whichever is missing; otherwise it says what to install and stops.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=()
if ! command -v java >/dev/null 2>&1; then missing+=(default-jre-headless); fi
# CHROMIUM_PATH names another browser for the browser tests (CI sets /usr/bin/google-chrome, since
# GitHub's Ubuntu runners have no Debian Chromium); Debian's chromium is then not needed.
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then
  :
elif [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi
# pdftotext and pdfinfo (both in poppler-utils) read back the case pages printed to PDF.
if ! command -v pdftotext >/dev/null 2>&1; then missing+=(poppler-utils); fi

if [ "${#missing[@]}" -gt 0 ]; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    # A CI runner's user may use sudo without a password; anyone else is told what to install.
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo -n env DEBIAN_FRONTEND=noninteractive)
    else
      echo "tests/run.sh: missing ${missing[*]}; install with:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
  fi
  echo "tests/run.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update
  "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The solution holds the generator, the tests and the benchmark: building it first means the
# benchmark, which no test runs, is compiled (warnings as errors) on every run and cannot rot.
dotnet build Site.slnx --nologo -v quiet
exec dotnet test tests/Site.Tests/Site.Tests.csproj "$@"
