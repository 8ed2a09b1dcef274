#!/bin/sh
# Debian packages some tests need (idempotent, quiet; skips what is already present).
# promtool (prometheus) and node_exporter (prometheus-node-exporter): the watch → Prometheus tests.
set -eu
missing=""
command -v promtool >/dev/null 2>&1 || missing="$missing prometheus"
command -v prometheus-node-exporter >/dev/null 2>&1 || missing="$missing prometheus-node-exporter"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-deps: missing$missing (install them with apt-get as root)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# Installing must not start the daemons: a policy-rc.d that forbids it (only if none is there).
policy=/usr/sbin/policy-rc.d
added=""
if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added=1; fi
apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null 2>&1 || true
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null 2>&1 || echo "ensure-deps: apt-get install$missing failed" >&2
[ -n "$added" ] && rm -f "$policy"
exit 0
