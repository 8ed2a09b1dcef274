#!/usr/bin/env bash
# Installs the Debian packages the tests use as real peers (Ruby/Go AWS SDKs as oracles, promtool and
# node_exporter, strace for the write audit), once: every package already present is skipped, so a
# second run costs a dpkg query. Called by `npm test` (pretest) and by .ci/run.
set -euo pipefail
PACKAGES=(
  ruby-aws-sdk-core                      # Ruby SDK v3: oracle and real process
  golang-go                              # builds the Go SDK v2 oracle and process
  golang-github-aws-aws-sdk-go-v2-dev    # Go SDK v2 sources (GOPATH mode, offline)
  prometheus                             # promtool test rules
  prometheus-node-exporter               # textfile collector end to end
  strace                                 # write audit
  qemu-user                              # runs the linux-arm64 single executable
  libstdc++6-arm64-cross                 # ... with its aarch64 C/C++ runtime (qemu-aarch64 -L)
  systemd                                # systemd-analyze verify of contrib/systemd
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; else
    echo "ensure-deps: missing Debian packages (${missing[*]}); install them as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "ensure-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
${SUDO:-} apt-get update -qq >/dev/null
${SUDO:-} apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
