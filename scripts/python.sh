#!/bin/sh
# Runs a command with the book's pinned Python: the project venv (.venv/, not committed)
# holding exactly requirements.lock. Makes the venv on first use and reinstalls when the
# lock changes (a stamp of the lock's hash sits in the venv), so `npm run execute` and the
# tests print the numbers the book shows without a manual step.
#   usage: scripts/python.sh [python args...]     e.g. scripts/python.sh -m jupyter lab
# PYTHON3 picks the interpreter that makes the venv (default: python3, 3.11 or newer);
# VENV moves the venv (default: .venv in the repository).
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
venv=${VENV:-$root/.venv}
lock=$root/requirements.lock
base=${PYTHON3:-python3}

say() { echo "python.sh: $*" >&2; }

# Why $base cannot make the venv, as the lines to print; nothing when it can.
base_problem() {
	if ! command -v "$base" >/dev/null 2>&1; then
		echo "no $base found. Install Python 3.11 or newer with its venv module:"
		echo "  Debian/Ubuntu: apt-get install python3 python3-venv"
		echo "  macOS: brew install python@3.12    other systems: https://www.python.org/downloads/"
		echo "or point PYTHON3 at one (PYTHON3=/path/to/python3.12)."
	elif ! "$base" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
		echo "$base is Python $("$base" -c 'import platform; print(platform.python_version())' 2>/dev/null || echo '?'); the book needs 3.11 or newer."
		echo "Install one (Debian/Ubuntu: apt-get install python3.11 python3.11-venv) and set PYTHON3=python3.11."
	elif ! "$base" -c 'import venv, ensurepip' 2>/dev/null; then
		# Debian splits venv's pip bootstrap (ensurepip) into python3-venv; without it `-m venv` fails halfway.
		minor=$("$base" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
		echo "$base has no venv module (or no ensurepip). Install it:"
		echo "  Debian/Ubuntu: apt-get install python$minor-venv    (or python3-venv)"
	fi
}

# --can-setup: only say whether the venv exists or can be made (for scripts/preflight.sh).
if [ "${1:-}" = "--can-setup" ]; then
	[ -x "$venv/bin/python" ] && exit 0
	problem=$(base_problem)
	[ -z "$problem" ] && exit 0
	echo "$problem" | while IFS= read -r line; do say "$line"; done
	exit 1
fi

if [ ! -x "$venv/bin/python" ]; then
	problem=$(base_problem)
	if [ -n "$problem" ]; then
		echo "$problem" | while IFS= read -r line; do say "$line"; done
		exit 1
	fi
	say "making the project venv in ${venv#"$root"/} with $base ($("$base" -c 'import platform; print(platform.python_version())'))"
	rm -rf "$venv"
	"$base" -m venv "$venv" >&2
fi

# The lock's hash (sha256sum on Linux, shasum on macOS), compared with the one installed.
if command -v sha256sum >/dev/null 2>&1; then want=$(sha256sum "$lock" | cut -d' ' -f1); else want=$(shasum -a 256 "$lock" | cut -d' ' -f1); fi
stamp=$venv/.requirements.lock.sha256
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
	say "installing requirements.lock into ${venv#"$root"/} (once per change of the lock)"
	# uv installs the lock in a minute or two where pip takes several: use the one on PATH,
	# else a private copy in .cache/uv (made once with pip; uv is a tool here, not a package of
	# the book). If that cannot be had, the venv's own pip does the job. Output goes to stderr:
	# stdout belongs to the command this script runs.
	uv=$(command -v uv || true)
	if [ -z "$uv" ] && [ ! -x "$root/.cache/uv/bin/uv" ]; then
		{ "$venv/bin/python" -m venv "$root/.cache/uv" && "$root/.cache/uv/bin/python" -m pip install --quiet --disable-pip-version-check uv; } >&2 2>&1 || rm -rf "$root/.cache/uv"
	fi
	[ -n "$uv" ] || { [ -x "$root/.cache/uv/bin/uv" ] && uv=$root/.cache/uv/bin/uv; } || true
	if [ -n "$uv" ]; then
		"$uv" pip sync --quiet --python "$venv/bin/python" "$lock" >&2
	else
		"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$lock" >&2
	fi
	echo "$want" >"$stamp"
fi

exec "$venv/bin/python" "$@"
