#!/bin/sh
# The first step of `npm test`: names everything the tests need that this machine lacks,
# all at once and before anything slow runs, then makes or updates the project's Python
# venv (scripts/python.sh) so later steps find it ready.
#   Chromium   browser tests (CHROME_PATH, default /usr/bin/chromium)
#   pdftotext  the PDF print test (poppler-utils)
#   Python     3.11+ with venv, for the book's code (or PYTHON naming an interpreter with requirements.lock)
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
missing=0
say() { echo "preflight: $*" >&2; }

chrome=${CHROME_PATH:-/usr/bin/chromium}
if [ ! -x "$chrome" ]; then
	say "no Chromium at $chrome: install it (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary"
	missing=1
fi
if ! command -v pdftotext >/dev/null 2>&1; then
	say "no pdftotext: install poppler (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)"
	missing=1
fi
if [ -n "${PYTHON:-}" ]; then
	if ! "$PYTHON" -c 'import numpy, pandas, sklearn, scipy, matplotlib, statsmodels, seaborn, nbclient, ipykernel' 2>/dev/null; then
		say "PYTHON=$PYTHON lacks the book's packages: install requirements.lock into it, or unset PYTHON to use the project venv"
		missing=1
	fi
elif ! "$root/scripts/python.sh" --can-setup; then
	missing=1
fi
[ "$missing" = 0 ] || exit 1

# Make or update the venv now (minutes the first time), not inside a test's time limit.
[ -n "${PYTHON:-}" ] || "$root/scripts/python.sh" -c 'import sys; print(f"preflight: Python {sys.version.split()[0]} from {sys.prefix}", file=sys.stderr)'
