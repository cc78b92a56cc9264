#!/bin/sh
# Runs a command under Node >= 22.12. When the system Node is older, Node 24
# comes from the npm registry's `node` package into .cache/node (once), so a
# machine with a recent Node pays nothing and an older one needs no manual step.
#   usage: scripts/node.sh <command> [args...]
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
want=24.21.0

recent_enough() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! recent_enough; then
  local_bin="$root/.cache/node/node_modules/node/bin"
  if [ ! -x "$local_bin/node" ]; then
    echo "node.sh: system Node is older than 22.12; installing Node $want into .cache/node" >&2
    npm install --silent --no-save --no-audit --no-fund --prefix "$root/.cache/node" "node@$want" >&2
  fi
  PATH="$local_bin:$PATH"
  export PATH
fi
exec "$@"
