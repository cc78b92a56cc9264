#!/bin/sh
# Moves the book to the newest releases requirements.txt allows, in one step: recompiles
# requirements.lock (uv, for Python 3.11 to 3.13 on every platform, one version of each
# package wherever it can), reinstalls the project venv from it, and refreshes outputs/
# (npm run execute, which records the new versions in outputs/versions.json).
# Review `git diff outputs/ content/` afterwards: changed numbers may need changed prose.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"

uv=$(command -v uv || true)
if [ -z "$uv" ]; then
	# uv is a build tool here, not a package of the book: its own small venv under .cache/.
	if [ ! -x .cache/uv/bin/uv ]; then
		echo "relock: installing uv into .cache/uv" >&2
		python3 -m venv .cache/uv >&2   # the same private copy scripts/python.sh uses
		.cache/uv/bin/python -m pip install --quiet --disable-pip-version-check uv >&2
	fi
	uv=.cache/uv/bin/uv
fi

# From scratch, not from the old lock: uv would keep the old lock's per-Python forks as preferences.
rm -f requirements.lock
"$uv" pip compile requirements.txt --universal --python-version 3.11 --fork-strategy fewest --upgrade --quiet -o requirements.lock
echo "relock: $(grep -cE '^[A-Za-z0-9_.-]+==' requirements.lock) pinned packages in requirements.lock" >&2
scripts/python.sh -c 'pass'   # reinstalls: the lock's hash changed
exec npm run execute
