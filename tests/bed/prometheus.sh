#!/usr/bin/env bash
# Prometheus tooling for the rules and dashboard tests: Debian's `prometheus` package, which
# ships /usr/bin/promtool (check rules, test rules) and /usr/bin/prometheus. Nothing is run:
# the tests call promtool themselves, and the package's own service is kept from starting.
#
# Usage: prometheus.sh install | status
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PKG=prometheus

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# "PID STARTTIME" of every running prometheus binary: the install must not add one.
prometheus_procs() {
  local pid st
  for pid in $(pgrep -x prometheus 2>/dev/null || true); do
    st=$(proc_starttime "$pid") || continue
    echo "$pid $st"
  done
}

install() {
  require_root
  if installed "$PKG" && [[ -x /usr/bin/promtool ]]; then
    log "prometheus present: $(promtool --version 2>&1 | head -n 1)"
    return 0
  fi
  local t0 before after
  t0=$(now_ms)
  before=$(prometheus_procs)
  export DEBIAN_FRONTEND=noninteractive
  # No systemd here: keep the postinst from starting the system prometheus through
  # invoke-rc.d. Only remove the policy file if we created it (as install.sh does).
  local policy=/usr/sbin/policy-rc.d
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# swarmwatch test bed: do not start services during install\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  # Without recommends: prometheus-node-exporter is a second service we neither need nor want started.
  local -a apt_opts=(-y -q --no-install-recommends -o DPkg::Lock::Timeout=600
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  log "installing $PKG"
  # Update the index only when the package cannot be found in it (a fresh machine's empty lists).
  if ! apt-cache show "$PKG" >/dev/null 2>&1; then
    apt-get -q -o DPkg::Lock::Timeout=600 update
  fi
  apt-get install "${apt_opts[@]}" "$PKG" || {
    log "apt-get install reported an error; updating the index and retrying once"
    apt-get -q -o DPkg::Lock::Timeout=600 update
    apt-get install "${apt_opts[@]}" "$PKG" || { dpkg --configure -a || true; }
  }
  installed "$PKG" || die "package $PKG is not installed"
  [[ -x /usr/bin/promtool ]] || die "/usr/bin/promtool missing after installing $PKG"
  # Belt and braces if the policy file did not hold: stop, by PID, only a prometheus that
  # appeared during this install.
  after=$(prometheus_procs)
  local pid st
  while read -r pid st; do
    [[ -n ${pid:-} ]] || continue
    grep -qx "$pid $st" <<<"$before" && continue
    log "the package started prometheus (pid $pid); stopping it"
    kill -TERM "$pid" 2>/dev/null || true
  done <<<"$after"
  log "TIMING install $PKG: $(fmt_ms $(($(now_ms) - t0)))"
  log "install OK: $(promtool --version 2>&1 | head -n 1)"
}

status() {
  if [[ -x /usr/bin/promtool ]]; then
    promtool --version 2>&1 | head -n 1
  else
    echo "promtool: not installed (run: $0 install)"
    return 1
  fi
}

case ${1:-} in
  install) install ;;
  status) status ;;
  *) echo "usage: $0 install|status" >&2; exit 2 ;;
esac
